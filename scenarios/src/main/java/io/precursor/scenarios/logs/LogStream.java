package io.precursor.scenarios.logs;

import io.precursor.scenarios.fleet.DbInstance;
import java.util.Comparator;

/** A CloudWatch Logs log group and stream; for Aurora the stream is named after the DB instance. */
public record LogStream(String logGroup, String logStream) implements Comparable<LogStream> {

  private static final Comparator<LogStream> ORDER =
      Comparator.comparing(LogStream::logGroup).thenComparing(LogStream::logStream);

  /** The stream an Aurora instance's slow query log is published to. */
  public static LogStream slowQuery(DbInstance instance) {
    return clusterLog(instance, "slowquery");
  }

  /** The stream an Aurora instance's error log is published to. */
  public static LogStream error(DbInstance instance) {
    return clusterLog(instance, "error");
  }

  private static LogStream clusterLog(DbInstance instance, String type) {
    return new LogStream("/aws/rds/cluster/" + instance.clusterId() + "/" + type, instance.id());
  }

  /** The log type, the last part of the group name: {@code slowquery}, {@code error}, ... */
  public String logType() {
    return logGroup.substring(logGroup.lastIndexOf('/') + 1);
  }

  @Override
  public int compareTo(LogStream other) {
    return ORDER.compare(this, other);
  }
}
