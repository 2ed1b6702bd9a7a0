package io.precursor.ingest.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to read of the past from AWS: the window {@code [from, to)}, the DB cluster and/or instance
 * it concerns, and the log groups holding their slow query and error logs.
 *
 * @param cluster the DB cluster, or null
 * @param instance the DB instance, or null
 * @param logGroups the log groups to read; empty means the RDS ones of the cluster or instance
 */
public record HistoryRequest(
    Instant from, Instant to, String cluster, String instance, List<String> logGroups) {

  public HistoryRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the window must start before it ends: " + from + " .. " + to);
    }
    logGroups = List.copyOf(logGroups);
    if (logGroups.isEmpty() && cluster == null && instance == null) {
      throw new IllegalArgumentException(
          "reading from AWS needs a DB cluster, a DB instance or the log groups to read");
    }
  }

  /**
   * The log groups to read: the given ones, else the Aurora cluster's {@code
   * /aws/rds/cluster/<cluster>/slowquery} and {@code /error} (FACTS 2.2), else the RDS instance's
   * {@code /aws/rds/instance/<instance>/...} (FACTS 2.1).
   */
  public List<String> resolvedLogGroups() {
    if (!logGroups.isEmpty()) {
      return logGroups;
    }
    String base =
        cluster != null
            ? "/aws/rds/cluster/" + cluster + "/"
            : "/aws/rds/instance/" + instance + "/";
    return List.of(base + "slowquery", base + "error");
  }

  /**
   * The log streams to read in {@code logGroup}: in a cluster's group each DB instance writes its
   * own stream, so an instance asked for narrows it to that stream; otherwise all of them.
   */
  public List<String> logStreams(String logGroup) {
    return instance != null && logGroup.startsWith("/aws/rds/cluster/")
        ? List.of(instance)
        : List.of();
  }
}
