package io.precursor.ingest.subscription;

/**
 * A Kinesis record that is not a readable CloudWatch Logs subscription message nor an {@code
 * aws.rds} event; the message says why in words an operator can act on, and the caller sets the raw
 * bytes aside on the dead-letter topic.
 */
public final class UnreadableRecordException extends Exception {

  private static final long serialVersionUID = 1L;

  UnreadableRecordException(String reason) {
    super(reason);
  }

  UnreadableRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** Why the record could not be read; the same as {@link #getMessage()}. */
  public String reason() {
    return getMessage();
  }
}
