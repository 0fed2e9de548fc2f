package dev.sluice.io.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The value transforms of {@link dev.sluice.io.RowRules}: masking and hashing. */
public final class Masking {
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
  public static String mask(String value) {
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

  /**
   * The lowercase hex SHA-256 of the UTF-8 bytes of {@code value}. A lone surrogate has no UTF-8
   * form (encoding would replace it by {@code ?}, so distinct values would hash alike): it is an
   * {@link IllegalArgumentException} that names its index.
   */
  public static String sha256(String value) {
    int bad = loneSurrogate(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          String.format(
              "a lone surrogate U+%04X at character %d has no UTF-8 form, so it cannot be hashed",
              (int) value.charAt(bad), bad + 1));
    }
    MessageDigest digest = SHA256.get();
    return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The lowercase hex HMAC-SHA256 of the UTF-8 bytes of {@code value} under {@code key}: unlike a
   * plain SHA-256 of an e-mail address, it cannot be reversed with a dictionary by anyone without
   * the key. A lone surrogate is refused as in {@link #sha256}.
   */
  public static String hmacSha256(byte[] key, String value) {
    sha256(value); // the same check and message for a lone surrogate
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no HmacSHA256", e);
    }
  }

  /** The index of the first unpaired surrogate in {@code s}, or -1. */
  public static int loneSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
