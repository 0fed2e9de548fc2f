package dev.sluice.jdbc.testing;

import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A resumable source of a text file's lines for the import tests; the position after a line is its
 * line number. (The real file sources with byte offsets belong to sluice-io.)
 */
public record LineFile(Path path) implements Resumable<String> {
  @Override
  public Pipe<Positioned<String>> after(Optional<String> position) {
    long skip = position.map(Long::parseLong).orElse(0L);
    return Pipe.using(
        () -> Files.newBufferedReader(path),
        (BufferedReader reader) ->
            Pipe.generate(
                out -> {
                  long line = 0;
                  for (String text; (text = reader.readLine()) != null; ) {
                    if (++line > skip) {
                      out.emit(new Positioned<>(text, Long.toString(line)));
                    }
                  }
                }));
  }
}
