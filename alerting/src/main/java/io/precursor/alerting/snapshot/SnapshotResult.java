package io.precursor.alerting.snapshot;

/**
 * How RDS answered one snapshot request.
 *
 * @param status created, already there, refused for now, or refused for good
 * @param detail RDS's error code and message when not created; never credentials
 */
public record SnapshotResult(Status status, String detail) {

  /** The four answers that matter. */
  public enum Status {
    /** RDS accepted the request and is creating the snapshot. */
    CREATED,
    /** A snapshot with this identifier exists: an earlier attempt made it. */
    ALREADY_EXISTS,
    /** Refused for now (failing over, busy, throttled, 5xx, network): ask again later. */
    RETRY_LATER,
    /** Refused for good (not found, quota, bad request): recorded as failed. */
    FAILED
  }

  static SnapshotResult created() {
    return new SnapshotResult(Status.CREATED, null);
  }

  static SnapshotResult of(Status status, String detail) {
    return new SnapshotResult(status, detail);
  }
}
