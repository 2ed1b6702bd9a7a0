package io.precursor.ingest.logs;

import java.util.Locale;
import java.util.Objects;

/**
 * Which MySQL log a CloudWatch Logs log group and stream carry, and which DB cluster and instance
 * wrote it.
 *
 * <p>Aurora cluster log groups are {@code /aws/rds/cluster/<cluster>/<type>} and name the DB
 * instance in the log stream; RDS instance log groups are {@code
 * /aws/rds/instance/<instance>/<type>} and have no cluster (FACTS 2.1, 2.2). Anything else is
 * {@link LogType#OTHER} with a reason.
 *
 * @param cluster DB cluster identifier, null for instance log groups and unrecognised groups
 * @param instance DB instance identifier, null when the group and stream do not name one
 * @param reason why the source is {@link LogType#OTHER}, null otherwise
 */
public record LogSource(
    LogType type, String logGroup, String cluster, String instance, String reason) {

  private static final String CLUSTER_PREFIX = "/aws/rds/cluster/";
  private static final String INSTANCE_PREFIX = "/aws/rds/instance/";

  public LogSource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(logGroup, "logGroup");
  }

  /** Reads the log type, cluster and instance from a log group and log stream name. */
  public static LogSource of(String logGroup, String logStream) {
    if (logGroup.startsWith(CLUSTER_PREFIX)) {
      String[] parts = logGroup.substring(CLUSTER_PREFIX.length()).split("/", -1);
      if (parts.length == 2 && !parts[0].isEmpty()) {
        if (logStream == null || logStream.isBlank()) {
          return other(logGroup, parts[0], null, "the log stream is empty, so no DB instance");
        }
        return typed(logGroup, parts[0], logStream, parts[1]);
      }
    } else if (logGroup.startsWith(INSTANCE_PREFIX)) {
      String[] parts = logGroup.substring(INSTANCE_PREFIX.length()).split("/", -1);
      if (parts.length == 2 && !parts[0].isEmpty()) {
        // The group already names the instance (FACTS 2.1), so the stream is not needed.
        return typed(logGroup, null, parts[0], parts[1]);
      }
    }
    return other(
        logGroup,
        null,
        null,
        "log group '"
            + logGroup
            + "' is neither /aws/rds/cluster/<cluster>/<type> nor /aws/rds/instance/<instance>/<type>");
  }

  /** Whether a DB instance is known, so records can be keyed by it. */
  public boolean hasInstance() {
    return instance != null;
  }

  private static LogSource typed(String logGroup, String cluster, String instance, String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "slowquery" -> new LogSource(LogType.SLOW_QUERY, logGroup, cluster, instance, null);
      case "error" -> new LogSource(LogType.ERROR, logGroup, cluster, instance, null);
      case "general" -> new LogSource(LogType.GENERAL, logGroup, cluster, instance, null);
      case "audit" -> new LogSource(LogType.AUDIT, logGroup, cluster, instance, null);
      default ->
          other(
              logGroup,
              cluster,
              instance,
              "log type '"
                  + type
                  + "' is not one Precursor reads (slowquery, error, general, audit)");
    };
  }

  private static LogSource other(String logGroup, String cluster, String instance, String reason) {
    return new LogSource(LogType.OTHER, logGroup, cluster, instance, reason);
  }
}
