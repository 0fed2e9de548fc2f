package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {
  @ParameterizedTest
  @CsvSource({
    "alice@example.com, a***@example.com",
    "a.b@c@example.org, a***@example.org",
    "@example.com, ***@example.com",
    "Bob, ***",
    "'', ''",
    "é@x.fr, é***@x.fr"
  })
  void masksEmailsAndOtherValues(String value, String masked) {
    assertThat(Masking.mask(value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
    "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
  })
  void hashesUtf8WithSha256InLowercaseHex(String value, String hex) {
    assertThat(Masking.sha256(value)).isEqualTo(hex);
  }

  @org.junit.jupiter.api.Test
  void findsTheFirstLoneSurrogate() {
    org.assertj.core.api.Assertions.assertThat(Masking.loneSurrogate("ok\uD83D\uDE00"))
        .isEqualTo(-1);
    org.assertj.core.api.Assertions.assertThat(Masking.loneSurrogate("ab\uDFFF")).isEqualTo(2);
  }
}
