package io.precursor.alerting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For crash tests only: halts the JVM at once (no shutdown hooks, no offset commit) at a named
 * point of handling a Slack post, as a power cut or {@code kill -9} would. Configured with {@link
 * AlertingConfig#TEST_HALT_AT}; production runs use {@link #none()}, which never halts.
 */
public final class CrashPoint {

  public static final String NONE = "none";

  /** Slack answered 2xx; the audit record is not written yet (the one duplicate window). */
  public static final String AFTER_POST = "after-post";

  /** The audit record is acknowledged; the consumer offset is not committed yet. */
  public static final String AFTER_AUDIT = "after-audit";

  /** The exit status of a halted JVM, so a test can tell it from a failure. */
  public static final int HALT_STATUS = 86;

  private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

  private final String point;
  private final String subject;

  private CrashPoint(String point, String subject) {
    this.point = point;
    this.subject = subject;
  }

  /** Never halts. */
  public static CrashPoint none() {
    return new CrashPoint(NONE, "");
  }

  /** Halts at {@code point} when handling {@code subject} (any subject when empty). */
  public static CrashPoint of(String point, String subject) {
    return new CrashPoint(point.toLowerCase(java.util.Locale.ROOT), subject == null ? "" : subject);
  }

  /** Halts the JVM if this is the configured point and subject. */
  void reached(String here, String subjectId) {
    if (point.equals(here) && (subject.isEmpty() || subject.equals(subjectId))) {
      log.error(
          "TEST ONLY: halting the JVM {} of {} ({})", here, subjectId, AlertingConfig.TEST_HALT_AT);
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
