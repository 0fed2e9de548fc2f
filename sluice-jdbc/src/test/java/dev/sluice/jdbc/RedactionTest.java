package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"
            + "|jdbc:postgresql://db:5432/app?user=u&password=***&ssl=true",
        "jdbc:postgresql://u:s3cret@db/app|jdbc:postgresql://u:***@db/app",
        "jdbc:sqlserver://db;user=u;Password=s3cret;encrypt=true"
            + "|jdbc:sqlserver://db;user=u;Password=***;encrypt=true",
        "failed to connect to jdbc:mysql://a:b@h/x (timeout)|failed to connect to jdbc:mysql://a:***@h/x (timeout)",
        "no password here: jdbc:h2:mem:x|no password here: jdbc:h2:mem:x"
      })
  void thePasswordOfAnyUrlInTheTextIsReplaced(String text, String redacted) {
    assertThat(Redaction.of(null).redact(text)).isEqualTo(redacted);
  }

  @Test
  void thePasswordOfTheRunsUrlIsRemovedWhereverTheDriverRepeatsIt() {
    Redaction r = Redaction.of("jdbc:postgresql://db/app?password=hunter22");
    assertThat(r.redact("FATAL: password authentication failed (tried hunter22)"))
        .isEqualTo("FATAL: password authentication failed (tried ***)");
  }

  @Test
  void givenSecretsAreRemovedAndNullOrEmptyOnesIgnored() {
    Redaction r = Redaction.of("jdbc:h2:mem:x", "from-env", null, "");
    assertThat(r.redact("login with from-env failed")).isEqualTo("login with *** failed");
    assertThat(r.redact("")).isEmpty();
    assertThat(r.redact(null)).isNull();
    assertThat(r.toString()).isEqualTo("Redaction[1 secrets]").doesNotContain("from-env");
  }
}
