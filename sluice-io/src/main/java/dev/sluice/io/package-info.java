/**
 * Files and formats for Sluice pipes.
 *
 * <p>Sources ({@link dev.sluice.io.Lines}, {@link dev.sluice.io.Csv}, {@link
 * dev.sluice.io.JsonLines}, {@link dev.sluice.io.FileTree}) are cold {@link dev.sluice.Pipe}s: each
 * run opens its {@link dev.sluice.io.Input} and closes it when the run ends in any way. Sinks write
 * to an {@link dev.sluice.io.Output}: a file output writes a temporary file beside the target,
 * syncs it and renames it into place on commit, and deletes it on abort, so a failed run never
 * leaves a partial file.
 *
 * <p><b>Rows.</b> Every format reads into and writes from the core's {@link dev.sluice.Row} (ADR
 * 0008): {@link dev.sluice.io.Csv#rows}, {@link dev.sluice.io.JsonLines#rows} and the resumable
 * {@link dev.sluice.io.RowFile} read; {@link dev.sluice.io.Csv#rowEncoder} and {@link
 * dev.sluice.io.JsonLines#rowEncoder} are the one writer of each format; {@link
 * dev.sluice.io.RowRules} is the stage of row rules (where, mask, hash, infer, select, rename) that
 * the CLI's commands share; {@link dev.sluice.io.ResumableWrite} writes a resumable source into a
 * file that a crashed run continues byte for byte; {@link dev.sluice.io.BadRows} is a dead-letter
 * file for the records a run skips. {@link dev.sluice.io.ParallelCsv} converts a whole CSV file
 * with the rules to JSON Lines or CSV on every core, in chunks cut at record boundaries it guesses
 * and checks (ADR 0103), writing the same bytes as those one-thread parts. {@link
 * dev.sluice.io.Conversion} is the entry point that puts them together (the conversion of {@code
 * sluice convert}): it chooses the way to run, resumable on every core too, with positions that are
 * byte offsets checked by a hash of the bytes before them (ADR 0104).
 *
 * <p><b>Limits.</b> Every parser has bounds (longest line, largest field, deepest JSON); each is a
 * named setting with a default, and the {@link dev.sluice.io.BadInputException} that reports a
 * breach names the setting to raise. No reader holds more than one line or record in memory.
 *
 * <p><b>Errors.</b> Malformed input (invalid bytes, a ragged row, a broken JSON line) fails the run
 * with a {@link dev.sluice.io.BadInputException} that names the input and the line or record
 * (unless a bad-record handler takes ragged rows and broken lines instead); other I/O failures are
 * checked exceptions, wrapped once by the pipe in {@link dev.sluice.PipeException}.
 */
package dev.sluice.io;
