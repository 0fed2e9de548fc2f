package dev.sluice.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes database passwords from text before it is logged or shown: the {@code password=...}
 * parameter and the {@code //user:password@host} part of any JDBC URL in the text, and every secret
 * given (the password of the URL a run uses, one read from the environment), each replaced by
 * {@code ***}. Drivers put URLs in their error messages; a message passed through {@link #redact}
 * is safe to print.
 *
 * <pre>{@code
 * Redaction secrets = Redaction.of(url, System.getenv("DB_PASSWORD"));
 * log.error(secrets.redact(e.getMessage()));
 * }</pre>
 */
public final class Redaction {
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)(password=)([^&;]*)|(//[^/:@\\s]*:)([^@/\\s]*)(@)");

  private final List<String> secrets;

  private Redaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Redaction of the passwords in any URL, of the password in {@code url} (may be null) wherever it
   * appears, and of each of {@code secrets} (null or empty ones are ignored).
   */
  public static Redaction of(String url, String... secrets) {
    List<String> all = new ArrayList<>();
    if (url != null) {
      Matcher m = URL_PASSWORD.matcher(url);
      if (m.find()) {
        all.add(m.group(2) != null ? m.group(2) : m.group(4));
      }
    }
    for (String secret : secrets) {
      all.add(secret);
    }
    all.removeIf(s -> s == null || s.isEmpty());
    return new Redaction(List.copyOf(all));
  }

  /** {@code text} with every password replaced by {@code ***}; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = URL_PASSWORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group(1) != null ? m.group(1) + "***" : m.group(3) + "***@";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String result = out.toString();
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  @Override
  public String toString() {
    return "Redaction[" + secrets.size() + " secrets]";
  }
}
