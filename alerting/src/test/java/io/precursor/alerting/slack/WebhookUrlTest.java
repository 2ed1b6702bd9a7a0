package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

  private static final String SECRET = "T0SECRET/B0SECRET/xoxsecretsecretsecret";
  private static final String URL = "https://hooks.slack.com/services/" + SECRET;

  @Test
  void shouldPrintOnlySchemeAndHost() {
    WebhookUrl url = WebhookUrl.parse(URL);

    assertThat(url).hasToString("https://hooks.slack.com/…");
    assertThat(url.redacted()).doesNotContain("T0SECRET");
    assertThat(url.uri().toString()).isEqualTo(URL);
  }

  @Test
  void shouldKeepAPortButDropThePath() {
    assertThat(WebhookUrl.parse("http://127.0.0.1:8123/services/" + SECRET))
        .hasToString("http://127.0.0.1:8123/…");
  }

  @Test
  void shouldScrubTheUrlAndItsPathFromAnyText() {
    WebhookUrl url = WebhookUrl.parse(URL);

    assertThat(url.scrub("POST " + URL + " failed; path /services/" + SECRET + " refused"))
        .isEqualTo("POST https://hooks.slack.com/… failed; path /… refused");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.slack.com/services/" + SECRET,
        "ftp://hooks.slack.com/services/" + SECRET,
        "hooks.slack.com/services/" + SECRET,
        "https://user:pw@hooks.slack.com/services/" + SECRET,
        "https://hooks.slack.com/services/" + SECRET + " x y",
        " "
      })
  void shouldRefuseUnsafeOrMalformedUrlsWithoutRepeatingThem(String bad) {
    assertThatThrownBy(() -> WebhookUrl.parse(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET").doesNotContain("pw"));
  }

  @Test
  void shouldAcceptPlainHttpToLoopbackOnly() {
    assertThat(WebhookUrl.parse("http://localhost:9/x")).isNotNull();
    assertThat(WebhookUrl.parse("http://[::1]:9/x")).isNotNull();
    assertThatThrownBy(() -> WebhookUrl.parse("http://10.0.0.1/x"))
        .hasMessageContaining("https://");
  }
}
