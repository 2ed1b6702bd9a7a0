package io.precursor.scenarios.awscli;

import java.math.BigDecimal;

/**
 * Floats as the AWS CLI prints them, which is Python's {@code repr}: shortest digits, {@code .0} on
 * whole numbers, exponent form below 1e-4 and from 1e16.
 */
public final class CliNumber {

  private CliNumber() {}

  public static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("CloudWatch values are finite, got " + value);
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = decimal.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = decimal.signum() < 0 ? "-" : "";
      return sign
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    String plain = decimal.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }
}
