package io.precursor.ingest.slowlog;

/**
 * Whether slow query records carry the statement text, and how much of it: literals in SQL can be
 * personal data, so the text is dropped unless an operator keeps it.
 */
public record SqlTextPolicy(boolean keep, int maxChars) {

  /** A cap that keeps a whole ordinary statement and a useful head of a bulk one. */
  public static final int DEFAULT_MAX_CHARS = 4096;

  public SqlTextPolicy {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must not be negative, was " + maxChars);
    }
  }

  /** Statements are not kept. */
  public static SqlTextPolicy dropped() {
    return new SqlTextPolicy(false, 0);
  }

  /** Statements are kept, cut to {@code maxChars}. */
  public static SqlTextPolicy keptUpTo(int maxChars) {
    return new SqlTextPolicy(true, maxChars);
  }

  /** The text to store for a statement, or null when statements are not kept. */
  public String apply(String statement) {
    if (!keep) {
      return null;
    }
    if (statement.length() <= maxChars) {
      return statement;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(statement.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return statement.substring(0, end);
  }
}
