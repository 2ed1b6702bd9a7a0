package io.precursor.alerting.snapshot;

import io.precursor.alerting.route.NamePattern;
import java.time.Duration;
import java.util.List;

/**
 * The guards around RDS snapshots and how a refused one is retried.
 *
 * @param enabled false for a dry run: snapshots are recorded, never requested
 * @param allowlist clusters (or plain instances) that may be snapshotted; empty allows none
 * @param dailyCap most snapshots per cluster (or plain instance) per UTC day
 * @param retryBackoff wait before asking RDS again after it refused for now
 * @param retryMaxElapsed how long such a snapshot is retried before it is recorded as failed
 */
public record SnapshotSettings(
    boolean enabled,
    List<NamePattern> allowlist,
    int dailyCap,
    Duration retryBackoff,
    Duration retryMaxElapsed) {

  public SnapshotSettings {
    allowlist = List.copyOf(allowlist);
  }

  /** Whether {@code resource} is on the allowlist. */
  public boolean allows(String resource) {
    return allowlist.stream().anyMatch(p -> p.matches(resource));
  }
}
