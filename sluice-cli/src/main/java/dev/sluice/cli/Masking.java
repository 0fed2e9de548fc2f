package dev.sluice.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The value transforms of {@code convert --mask} and {@code --hash}. */
final class Masking {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("this JDK has no SHA-256", e);
            }
          });

  private Masking() {}

  /**
   * Masks a value: an e-mail address keeps the first character of its local part and the domain
   * ({@code alice@example.com} becomes {@code a***@example.com}); any other non-empty value becomes
   * {@code ***}; empty stays empty.
   */
  static String mask(String value) {
    if (value.isEmpty()) {
      return value;
    }
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return "***";
    }
    String first = at == 0 ? "" : value.substring(0, Character.charCount(value.codePointAt(0)));
    return first + "***" + value.substring(at);
  }

  /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code value}. */
  static String sha256(String value) {
    MessageDigest digest = SHA256.get();
    return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
