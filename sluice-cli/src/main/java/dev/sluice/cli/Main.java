package dev.sluice.cli;

import dev.sluice.PipeException;
import dev.sluice.ResumeRefusedException;
import dev.sluice.io.BadInputException;
import dev.sluice.io.ClosedOutputException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.List;
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
            + " run the demo.")
public final class Main implements Runnable {
  /** Exit code for success. */
  static final int OK = 0;

  /** Exit code for a failure that is neither a usage error nor bad input. */
  static final int FAILED = 1;

  /** Exit code for a usage error. */
  static final int USAGE = 2;

  /** Exit code for bad input. */
  static final int BAD_INPUT = 3;

  /** The subcommands' names, in the order of the usage help. */
  static final List<String> COMMANDS =
      List.of("convert", "dupes", "export", "import", "demo", "generate", "fetch", "sse", "relay");

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "a command is required: " + String.join(", ", COMMANDS));
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine cli = commandLine(args);
    cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line.getErr()));
    return cli.execute(args);
  }

  /** The command line for {@code args}, with the subcommands they may need. */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // Start-up: picocli reflects over every command it is given, so a named command gets only its
    // own; the usage help and a misspelt name (for its suggestions) get them all.
    boolean named = args.length > 0 && COMMANDS.contains(args[0]);
    for (String name : COMMANDS) {
      if (!named || name.equals(args[0])) {
        cli.addSubcommand(name, command(name));
      }
    }
    return cli;
  }

  private static Object command(String name) {
    return switch (name) {
      case "convert" -> new ConvertCommand();
      case "dupes" -> new DupesCommand();
      case "export" -> new ExportCommand();
      case "import" -> new ImportCommand();
      case "demo" -> new DemoCommand();
      case "generate" -> new GenerateCommand();
      case "fetch" -> new FetchCommand();
      case "sse" -> new SseCommand();
      case "relay" -> new RelayCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
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
