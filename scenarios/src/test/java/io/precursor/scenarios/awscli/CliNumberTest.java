package io.precursor.scenarios.awscli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliNumberTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "13314398618, 13314398618.0",
    "0, 0.0",
    "18.3416, 18.3416",
    "0.000612, 0.000612",
    "0.0001, 0.0001",
    "0.0000612, 6.12e-05",
    "1e16, 1e+16",
    "1234567890123456, 1234567890123456.0",
    "-2.5, -2.5",
    "99.62, 99.62"
  })
  void shouldPrintFloatsAsPythonReprDoes(double value, String expected) {
    assertThat(CliNumber.format(value)).isEqualTo(expected);
  }

  @Test
  void shouldRefuseValuesCloudWatchNeverReturns() {
    assertThatThrownBy(() -> CliNumber.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
