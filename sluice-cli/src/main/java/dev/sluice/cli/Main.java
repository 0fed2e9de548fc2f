package dev.sluice.cli;

import dev.sluice.PipeException;
import dev.sluice.ResumeRefusedException;
import dev.sluice.io.BadInputException;
import dev.sluice.io.ClosedOutputException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sluice} command. Exit codes: 0 success, 2 usage error, 3 bad input (the message names
 * the file, the line or record, and the problem), 1 anything else. No stack trace is printed unless
 * {@code SLUICE_DEBUG=1}.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    version = "sluice 0.1.0",
    description =
        "Streaming pipelines over files and databases: convert, find duplicates, export, import,"
            + " run the demo.",
    subcommands = {
      ConvertCommand.class,
      DupesCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      FetchCommand.class,
      SseCommand.class,
      RelayCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for success. */
  static final int OK = 0;

  /** Exit code for a failure that is neither a usage error nor bad input. */
  static final int FAILED = 1;

  /** Exit code for a usage error. */
  static final int USAGE = 2;

  /** Exit code for bad input. */
  static final int BAD_INPUT = 3;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this),
        "a command is required: convert, dupes, export, import, demo or generate");
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line.getErr()));
    return cli.execute(args);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static int report(Throwable e, PrintWriter err) {
    if (System.getenv("SLUICE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    int code;
    String message;
    if (e instanceof UsageException || e instanceof ResumeRefusedException) {
      code = USAGE;
      message = e.getMessage();
    } else if (e instanceof BadInputException bad) {
      code = BAD_INPUT;
      String option =
          bad.setting() == null ? null : ReadOptions.OPTION_OF_SETTING.get(bad.setting());
      message = option == null ? e.getMessage() : e.getMessage() + "; change it with " + option;
    } else if (e instanceof PipeException && e.getCause() instanceof NoSuchFileException missing) {
      code = BAD_INPUT;
      message = missing.getFile() + ": no such file";
    } else if (e instanceof NoSuchFileException missing) {
      code = BAD_INPUT;
      message = missing.getFile() + ": no such file";
    } else if (e instanceof Failures.DatabaseException) {
      code = FAILED;
      message = e.getMessage();
    } else if (rootCause(e) instanceof ClosedOutputException closed) {
      code = FAILED;
      message = closed.getMessage();
    } else if (rootCause(e) instanceof CharacterCodingException coding) {
      code = BAD_INPUT;
      message =
          "a value cannot be written as UTF-8 (a lone surrogate, such as an escaped \\ud800 in"
              + " JSON): "
              + coding;
    } else if (e instanceof OutOfMemoryError) {
      code = FAILED;
      message = "out of memory; raise -Xmx in JAVA_OPTS or lower the limits";
    } else {
      code = FAILED;
      Throwable cause = e instanceof PipeException && e.getCause() != null ? e.getCause() : e;
      message = cause.toString();
    }
    err.println("sluice: " + message);
    err.flush();
    return code;
  }
}
