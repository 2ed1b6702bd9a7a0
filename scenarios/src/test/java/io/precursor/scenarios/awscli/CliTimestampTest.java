package io.precursor.scenarios.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CliTimestampTest {

  @Test
  void shouldOmitTheFractionOfWholeSecondsAsPythonIsoformatDoes() {
    assertThat(CliTimestamp.format(Instant.parse("2026-11-17T09:47:00Z")))
        .isEqualTo("2026-11-17T09:47:00+00:00");
  }

  @Test
  void shouldPrintSixFractionDigitsOtherwise() {
    assertThat(CliTimestamp.format(Instant.parse("2026-11-17T09:47:30.123Z")))
        .isEqualTo("2026-11-17T09:47:30.123000+00:00");
  }
}
