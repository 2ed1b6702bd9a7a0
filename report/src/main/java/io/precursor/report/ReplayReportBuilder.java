package io.precursor.report;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts a replay's report together: the metric series and slow queries it read ({@link
 * ReplayObservations}) with the precursors and incidents the topology wrote.
 */
public final class ReplayReportBuilder {

  /** At most this many points per chart: a day of minutes folds into 2-minute buckets. */
  static final int MAX_POINTS_PER_CHART = 720;

  static final int TOP_FINGERPRINTS = 5;

  private static final long MINUTE = 60_000;

  private final String run;
  private final ReplayObservations observations;
  private Instant from;
  private Instant to;
  private String scope;
  private Map<String, Long> records = Map.of();
  private List<FailoverPrecursor> precursors = List.of();
  private List<Incident> incidents = List.of();

  public ReplayReportBuilder(String run, ReplayObservations observations) {
    this.run = run;
    this.observations = observations;
  }

  /** The requested window; either end may be null, then what was read sets it. */
  public ReplayReportBuilder window(Instant from, Instant to) {
    this.from = from;
    this.to = to;
    return this;
  }

  public ReplayReportBuilder scope(String scope) {
    this.scope = scope;
    return this;
  }

  /** How many records of each kind were read, in the order to show them. */
  public ReplayReportBuilder records(Map<String, Long> records) {
    this.records = new LinkedHashMap<>(records);
    return this;
  }

  /** The precursors (latest severity of each episode) and incidents (final state) written. */
  public ReplayReportBuilder outcome(List<FailoverPrecursor> precursors, List<Incident> incidents) {
    this.precursors = List.copyOf(precursors);
    this.incidents = List.copyOf(incidents);
    return this;
  }

  public ReplayReport build() {
    long[] span = observations.span().orElse(new long[] {0, 0});
    long start = from != null ? from.toEpochMilli() : Math.floorDiv(span[0], MINUTE) * MINUTE;
    long end = to != null ? to.toEpochMilli() : span[1] + 1;
    long bucket = bucketMillis(Math.max(end - start, MINUTE));

    Map<String, LinkedPrecursor> links = new HashMap<>();
    Map<String, String> incidentOf = new HashMap<>();
    for (Incident incident : incidents) {
      for (LinkedPrecursor link : incident.getPrecursors()) {
        links.put(link.getPrecursorId(), link);
        incidentOf.put(link.getPrecursorId(), incident.getId());
      }
    }
    Map<String, List<FailoverPrecursor>> precursorsByInstance = new TreeMap<>();
    for (FailoverPrecursor p : precursors) {
      precursorsByInstance.computeIfAbsent(p.getInstance(), i -> new ArrayList<>()).add(p);
    }
    SortedSet<String> instances = new TreeSet<>(observations.instances());
    instances.addAll(precursorsByInstance.keySet());
    incidents.stream().map(Incident::getInstance).filter(Objects::nonNull).forEach(instances::add);

    List<InstanceReport> reports = new ArrayList<>();
    for (String instance : instances) {
      List<FailoverPrecursor> own = precursorsByInstance.getOrDefault(instance, List.of());
      String cluster =
          observations.cluster(instance).orElse(own.isEmpty() ? null : own.get(0).getCluster());
      List<PrecursorMarker> markers = new ArrayList<>();
      for (FailoverPrecursor p : own) {
        LinkedPrecursor link = links.get(p.getId());
        markers.add(
            new PrecursorMarker(
                p.getId(),
                p.getKind().name(),
                p.getSeverity().name(),
                p.getWindowStart().toEpochMilli(),
                p.getWindowEnd().toEpochMilli(),
                p.getDetectedAt().toEpochMilli(),
                p.getSummary(),
                p.getHint(),
                incidentOf.get(p.getId()),
                link == null ? null : link.getLeadTimeMillis(),
                observations
                    .slowQueries(instance)
                    .map(
                        s ->
                            s.top(
                                p.getWindowStart().toEpochMilli(),
                                p.getWindowEnd().toEpochMilli(),
                                TOP_FINGERPRINTS,
                                observations.fingerprints()))
                    .orElse(List.of())));
      }
      List<FailoverLine> failovers = new ArrayList<>();
      for (Incident incident : incidents) {
        if (concerns(incident, instance, cluster)) {
          failovers.add(
              new FailoverLine(
                  incident.getId(),
                  incident.getState().name(),
                  incident.getStartedAt().toEpochMilli(),
                  incident.getCompletedAt() == null
                      ? null
                      : incident.getCompletedAt().toEpochMilli(),
                  incident.getRtoMillis(),
                  incident.getMessage()));
        }
      }
      List<MetricChart> charts = new ArrayList<>();
      observations
          .metrics()
          .getOrDefault(instance, Map.of())
          .forEach(
              (metric, series) ->
                  charts.add(
                      new MetricChart(
                          metric.metricName(),
                          metric.unit(),
                          metric.worst().name().toLowerCase(java.util.Locale.ROOT),
                          bucket / 1000,
                          series.folded(start, bucket))));
      reports.add(
          new InstanceReport(
              instance, cluster, summary(markers, failovers), charts, markers, failovers));
    }
    return new ReplayReport(run, start, end, scope, records, reports);
  }

  private static boolean concerns(Incident incident, String instance, String cluster) {
    if (instance.equals(incident.getInstance())) {
      return true;
    }
    // A failover moves the whole cluster: every member's charts show it.
    return cluster != null && cluster.equals(incident.getCluster());
  }

  private static InstanceSummary summary(
      List<PrecursorMarker> markers, List<FailoverLine> failovers) {
    Map<String, InstanceSummary.KindCount> byKind = new TreeMap<>();
    List<Long> leadTimes = new ArrayList<>();
    int unconfirmed = 0;
    for (PrecursorMarker m : markers) {
      InstanceSummary.KindCount before = byKind.get(m.kind());
      byKind.put(
          m.kind(),
          before == null
              ? new InstanceSummary.KindCount(1, m.severity())
              : new InstanceSummary.KindCount(
                  before.episodes() + 1, higher(before.highestSeverity(), m.severity())));
      if (m.leadTimeMillis() != null) {
        leadTimes.add(m.leadTimeMillis());
      }
      if (m.unconfirmed()) {
        unconfirmed++;
      }
    }
    return new InstanceSummary(byKind, failovers.size(), leadTimes, unconfirmed);
  }

  private static String higher(String a, String b) {
    return io.precursor.schemas.Severity.valueOf(a).ordinal()
            >= io.precursor.schemas.Severity.valueOf(b).ordinal()
        ? a
        : b;
  }

  /** Whole minutes, few enough that a chart holds at most {@link #MAX_POINTS_PER_CHART} points. */
  static long bucketMillis(long spanMillis) {
    long minutes = (spanMillis + MINUTE - 1) / MINUTE;
    return Math.max(1, (minutes + MAX_POINTS_PER_CHART - 1) / MAX_POINTS_PER_CHART) * MINUTE;
  }
}
