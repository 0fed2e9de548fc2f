package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings that read text as a command line gives it: a header line, HOST:PORT, a format. */
class SettingsTextTest {
  @Test
  void aHeaderLineIsANameAndAValueBothTrimmed() {
    RestSettings settings =
        RestSettings.builder().header(" Authorization :  Bearer a:b ").header("X-Empty:").build();
    assertThat(settings.headers()).isEqualTo(Map.of("Authorization", "Bearer a:b", "X-Empty", ""));
  }

  @Test
  void aHeaderLineWithoutANameIsRefusedWithoutShowingIt() {
    for (String line : new String[] {"Bearer secret", ": secret", "  : secret"}) {
      assertThatThrownBy(() -> RestSettings.builder().header(line))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("header must be 'Name: value'")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void listenIsHostAndPortSplitAtTheLastColon() {
    SseServerSettings v4 = SseServerSettings.builder().listen("0.0.0.0:8080").build();
    assertThat(v4.host()).isEqualTo("0.0.0.0");
    assertThat(v4.port()).isEqualTo(8080);
    SseServerSettings v6 = SseServerSettings.builder().listen("[::1]:0").build();
    assertThat(v6.host()).isEqualTo("[::1]");
    assertThat(v6.port()).isZero();
  }

  @Test
  void listenWithoutAHostOrAPortIsRefused() {
    for (String bad :
        new String[] {"8080", ":8080", "localhost:", "localhost:x", "h:65536", "h:-1"}) {
      assertThatThrownBy(() -> SseServerSettings.builder().listen(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("listen must be HOST:PORT (a port from 0 to 65535), was " + bad);
    }
  }

  @Test
  void aFormatIsNamedIgnoringCase() {
    assertThat(LlmFormat.of("openai")).isEqualTo(LlmFormat.OPENAI);
    assertThat(LlmFormat.of("Anthropic")).isEqualTo(LlmFormat.ANTHROPIC);
    assertThatThrownBy(() -> LlmFormat.of("gemini"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("format must be openai or anthropic, was gemini");
  }
}
