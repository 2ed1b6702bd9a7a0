package io.precursor.ingest.errorlog;

/**
 * How long a deadlock dump may grow before it is emitted unfinished (marked CUT): a bound on what a
 * log stream that never writes the dump's last line can make ingest wait for.
 *
 * @param maxLines lines of the dump, its first included
 * @param maxChars characters of those lines, without their timestamps and labels
 */
public record DumpLimits(int maxLines, long maxChars) {

  /** Far above a real dump (a two-transaction dump is 30 to 80 lines and a few KB with its SQL). */
  public static final DumpLimits DEFAULT = new DumpLimits(2_000, 1024 * 1024);

  public DumpLimits {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
  }
}
