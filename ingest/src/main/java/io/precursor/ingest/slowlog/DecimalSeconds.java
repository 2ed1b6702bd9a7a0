package io.precursor.ingest.slowlog;

/**
 * Reads the decimal seconds of a slow log header ({@code 0.000123}) into the double {@link
 * Double#parseDouble} gives, faster: with at most 15 significant digits the digits as a long and
 * the power of ten are both exact doubles, so one division is correctly rounded, which is what
 * parseDouble promises (the fast path of Clinger's algorithm).
 */
final class DecimalSeconds {

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private DecimalSeconds() {}

  /** {@code value}, digits with an optional fraction, as a double. */
  static double parse(String value) {
    long digits = 0;
    int significant = 0;
    int decimals = -1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.' && decimals < 0) {
        decimals = 0;
        continue;
      }
      if (c < '0' || c > '9') {
        return Double.parseDouble(value);
      }
      if (significant > 0 || c != '0') {
        significant++;
      }
      digits = digits * 10 + (c - '0');
      if (decimals >= 0) {
        decimals++;
      }
      if (significant > 15) {
        return Double.parseDouble(value);
      }
    }
    return decimals <= 0 ? (double) digits : digits / POWERS_OF_TEN[decimals];
  }
}
