package io.precursor.streams;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import java.time.Instant;
import java.util.List;

/** Builders of the input records the topology tests feed, with explicit event times. */
public final class Signals {

  public static final String CLUSTER = "ads-prod";
  public static final String WRITER = "ads-prod-1";
  public static final double GIB = 1024.0 * 1024 * 1024;

  private Signals() {}

  public static SlowQueryEntry dml(String eventId, Instant at, StatementKind kind, String table) {
    String fingerprint =
        kind == StatementKind.DELETE
            ? "delete from " + table + " where log_date between ? and ? limit ?"
            : "insert into " + table + " values(?+)";
    return SlowQueryEntry.newBuilder()
        .setInstance(WRITER)
        .setCluster(CLUSTER)
        .setLogGroup("/aws/rds/cluster/" + CLUSTER + "/slowquery")
        .setEventId(eventId)
        .setEventTime(at)
        .setQueryTimeSeconds(4.2)
        .setLockTimeSeconds(0.001)
        .setRowsSent(0)
        .setRowsExamined(10_000)
        .setStatementKind(kind)
        .setTables(List.of(table))
        .setFingerprint(fingerprint)
        .setFingerprintHash(fingerprint.hashCode())
        .build();
  }

  /** One execution of a SELECT ... IN (...) lookup that ran {@code seconds} until {@code end}. */
  public static SlowQueryEntry lookup(
      String eventId, Instant end, long rowsExamined, double seconds, int inList) {
    String fingerprint = "select * from example where col_0 in(?+)";
    return SlowQueryEntry.newBuilder()
        .setInstance(WRITER)
        .setCluster(CLUSTER)
        .setLogGroup("/aws/rds/cluster/" + CLUSTER + "/slowquery")
        .setEventId(eventId)
        .setEventTime(end)
        .setQueryTimeSeconds(seconds)
        .setLockTimeSeconds(0.0001)
        .setRowsSent(0)
        .setRowsExamined(rowsExamined)
        .setStatementKind(StatementKind.SELECT)
        .setTables(List.of("example"))
        .setFingerprint(fingerprint)
        .setFingerprintHash(fingerprint.hashCode())
        .setLargestInList(inList)
        .build();
  }

  /** A deadlock dump reassembled from the error log, naming {@code table}. */
  public static ErrorLogEntry deadlock(String eventId, Instant at, String table) {
    return ErrorLogEntry.newBuilder()
        .setInstance(WRITER)
        .setCluster(CLUSTER)
        .setLogGroup("/aws/rds/cluster/" + CLUSTER + "/error")
        .setEventId(eventId)
        .setEventTime(at)
        .setKind(ErrorLogKind.DEADLOCK)
        .setMessage("Transactions deadlock detected, dumping detailed information.")
        .setTables(List.of(table))
        .setLockModes(List.of("X locks rec but not gap"))
        .setRolledBack(2)
        .setDumpEnd(DeadlockDumpEnd.ROLLED_BACK)
        .build();
  }

  /** An RDS event about the writer instance itself. */
  public static DbEvent instanceEvent(DbEventKind kind, Instant at, String message) {
    return DbEvent.newBuilder()
        .setSourceId(WRITER)
        .setSourceType(DbEventSourceType.DB_INSTANCE)
        .setInstance(WRITER)
        .setTime(at)
        .setKind(kind)
        .setMessage(message)
        .build();
  }

  /** A failover of the cluster to {@code newWriter}. */
  public static DbEvent failoverTo(DbEventKind kind, Instant at, String newWriter) {
    return DbEvent.newBuilder(failover(kind, at))
        .setMessage(
            (kind == DbEventKind.FAILOVER_STARTED
                    ? "Started cross AZ failover to DB instance: "
                    : "Completed failover to DB instance: ")
                + newWriter)
        .build();
  }

  public static MetricSample metric(String name, Instant at, double value) {
    return MetricSample.newBuilder()
        .setInstance(WRITER)
        .setCluster(CLUSTER)
        .setScope(MetricScope.INSTANCE)
        .setMetric(name)
        .setTime(at)
        .setValue(value)
        .build();
  }

  public static DbEvent failover(DbEventKind kind, Instant at) {
    return DbEvent.newBuilder()
        .setSourceId(CLUSTER)
        .setSourceType(DbEventSourceType.DB_CLUSTER)
        .setCluster(CLUSTER)
        .setTime(at)
        .setKind(kind)
        .setMessage(
            kind == DbEventKind.FAILOVER_STARTED
                ? "Started cross AZ failover to DB instance: ads-prod-2"
                : "Completed failover to DB instance: ads-prod-2")
        .setCategories(List.of("failover"))
        .build();
  }
}
