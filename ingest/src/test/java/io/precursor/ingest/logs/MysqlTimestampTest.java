package io.precursor.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MysqlTimestampTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-17T09:12:03.123456Z      | 2026-11-17T09:12:03.123456Z
          2026-11-17T09:12:03Z             | 2026-11-17T09:12:03Z
          2026-11-17T10:12:03.5+01:00      | 2026-11-17T09:12:03.5Z
          2016-11-17 09:12:03              | 2016-11-17T09:12:03Z
          161117  9:12:03                  | 2016-11-17T09:12:03Z
          161117 09:12:03.25               | 2016-11-17T09:12:03.25Z
          2026-11-23  6:52:28              | 2026-11-23T06:52:28Z
          2026-11-23 16:52:28              | 2026-11-23T16:52:28Z
          """)
  void shouldReadTheTimestampsMysqlWrites(String text, String expected) {
    assertThat(MysqlTimestamp.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "161317  9:12:03",
        "2026-13-01T00:00:00Z",
        "2026-11-23   6:52:28",
        "2026-11-23 24:00:00"
      })
  void shouldReadNothingFromOtherText(String text) {
    assertThat(MysqlTimestamp.parse(text)).isEmpty();
  }
}
