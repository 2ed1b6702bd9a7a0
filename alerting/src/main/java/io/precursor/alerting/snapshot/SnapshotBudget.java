package io.precursor.alerting.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-cluster daily cap: how many snapshots (dry runs included) each DB cluster or instance got
 * on each UTC day, rebuilt from the actions topic at start-up so a restart does not reset it.
 */
public final class SnapshotBudget {

  private final int dailyCap;
  private final Map<String, Map<LocalDate, Integer>> counts = new HashMap<>();

  public SnapshotBudget(int dailyCap) {
    this.dailyCap = dailyCap;
  }

  /** Whether {@code resource} may have one more snapshot on the UTC day of {@code at}. */
  public synchronized boolean allows(String resource, Instant at) {
    return count(resource, at) < dailyCap;
  }

  /** Counts one snapshot of {@code resource} at {@code at}. */
  public synchronized void spend(String resource, Instant at) {
    counts.computeIfAbsent(resource, r -> new HashMap<>()).merge(day(at), 1, Integer::sum);
  }

  public synchronized int count(String resource, Instant at) {
    return counts.getOrDefault(resource, Map.of()).getOrDefault(day(at), 0);
  }

  public int dailyCap() {
    return dailyCap;
  }

  private static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
