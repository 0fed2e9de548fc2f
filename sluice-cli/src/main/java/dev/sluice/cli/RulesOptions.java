package dev.sluice.cli;

import dev.sluice.io.Condition;
import dev.sluice.io.RowRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The row-rule options of convert, export and import: {@link RowRules} on the command line. */
final class RulesOptions {
  /** The largest --hash-key-file read (HMAC-SHA256 hashes a key longer than 64 bytes anyway). */
  static final int MAX_KEY_FILE = 64 * 1024;

  @Option(
      names = "--where",
      paramLabel = "CONDITION",
      description =
          "keep rows where COL=V, COL!=V, COL<V, COL<=V, COL>V, COL>=V (numbers compare as numbers)"
              + " or COL~REGEX holds; repeatable, all must hold")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--mask",
      paramLabel = "COL",
      description = "mask this column (a***@domain for e-mails, *** otherwise)")
  List<String> mask = new ArrayList<>();

  @Option(
      names = "--hash",
      paramLabel = "COL",
      description = "replace this column by the hex SHA-256 of its value")
  List<String> hash = new ArrayList<>();

  @Option(
      names = "--hash-key-env",
      paramLabel = "VAR",
      description = "--hash with HMAC-SHA256 keyed by the environment variable VAR")
  String hashKeyEnv;

  @Option(
      names = "--hash-key-file",
      paramLabel = "FILE",
      description = "--hash with HMAC-SHA256 keyed by the bytes of FILE")
  Path hashKeyFile;

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "COL",
      description = "write only these columns, in this order")
  List<String> select = new ArrayList<>();

  @Option(
      names = "--rename",
      paramLabel = "OLD=NEW",
      description = "write column OLD as NEW (rules name the input's columns); repeatable")
  List<String> rename = new ArrayList<>();

  /** The rules; a malformed option is a usage error naming it. */
  RowRules rules() throws java.io.IOException {
    RowRules rules = RowRules.none();
    for (String w : where) {
      try {
        rules = rules.where(Condition.parse(w));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--where: " + e.getMessage());
      }
    }
    rules = rules.mask(mask.toArray(String[]::new)).hash(hash.toArray(String[]::new));
    rules = rules.withHashKey(hashKey());
    try {
      if (!select.isEmpty()) {
        rules = rules.select(select.toArray(String[]::new));
      }
      for (String r : rename) {
        int eq = r.indexOf('=');
        if (eq <= 0 || eq == r.length() - 1) {
          throw new UsageException("--rename needs OLD=NEW, was " + r);
        }
        rules = rules.rename(r.substring(0, eq), r.substring(eq + 1));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--select/--rename: " + e.getMessage());
    }
    return rules;
  }

  /**
   * {@code names}, once {@code rules} are known to name only columns among them; a rule that names
   * another column is a usage error naming its option.
   */
  static List<String> requireColumns(RowRules rules, List<String> names) {
    try {
      rules.check(names);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    return names;
  }

  /** The HMAC key of --hash-key-env or --hash-key-file, or null for plain SHA-256. */
  private byte[] hashKey() throws java.io.IOException {
    if (hashKeyEnv != null && hashKeyFile != null) {
      throw new UsageException("give --hash-key-env or --hash-key-file, not both");
    }
    byte[] key = null;
    if (hashKeyEnv != null) {
      String value = System.getenv(hashKeyEnv);
      if (value == null || value.isEmpty()) {
        throw new UsageException("--hash-key-env " + hashKeyEnv + ": the variable is not set");
      }
      key = value.getBytes(StandardCharsets.UTF_8);
    } else if (hashKeyFile != null) {
      if (!Files.isRegularFile(hashKeyFile)) {
        throw new UsageException("--hash-key-file " + hashKeyFile + ": no such file");
      }
      if (Files.size(hashKeyFile) > MAX_KEY_FILE) {
        throw new UsageException(
            "--hash-key-file " + hashKeyFile + " is over " + MAX_KEY_FILE + " bytes: not a key");
      }
      key = Files.readAllBytes(hashKeyFile);
      if (key.length == 0) {
        throw new UsageException("--hash-key-file " + hashKeyFile + " is empty");
      }
    }
    if (key != null && hash.isEmpty()) {
      throw new UsageException("a hash key needs --hash COL");
    }
    return key;
  }
}
