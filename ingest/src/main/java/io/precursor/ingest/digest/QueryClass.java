package io.precursor.ingest.digest;

import io.precursor.schemas.StatementKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The slow log entries that share one fingerprint, as a pt-query-digest class: how often they ran,
 * how long, how many rows, when, where, and the slowest of them.
 *
 * @param queryId pt-query-digest 3's Query ID of the fingerprint (its whole MD5), e.g. {@code
 *     0x5EB63BBBE01EEED093CB22BB8F5ACDC3}
 * @param kind what the statements do, read from the first of them
 * @param tables the tables the statements touch, in order of first mention
 * @param databases entries per database ({@code use} or {@code Schema}), most used first; entries
 *     that name no database are not counted here
 * @param firstSeen the earliest entry time, null when no entry had a time
 * @param example the slowest statement, as logged
 */
public record QueryClass(
    String queryId,
    String fingerprint,
    StatementKind kind,
    long count,
    DurationSummary queryTime,
    DurationSummary lockTime,
    RowSummary rowsSent,
    RowSummary rowsExamined,
    Instant firstSeen,
    Instant lastSeen,
    Map<String, Long> databases,
    List<String> tables,
    String example,
    double exampleQueryTime) {

  public QueryClass {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
    tables = List.copyOf(tables);
  }
}
