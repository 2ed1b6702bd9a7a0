package io.precursor.scenarios;

import io.precursor.scenarios.errorlog.ErrorLogLine;
import io.precursor.scenarios.errorlog.ErrorLogSource;
import io.precursor.scenarios.events.RdsEvent;
import io.precursor.scenarios.fleet.DbInstance;
import io.precursor.scenarios.fleet.Fleet;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import io.precursor.scenarios.metrics.MetricSeries;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.SlowLogSource;
import io.precursor.scenarios.slowlog.SlowQueryWorkload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incident (or a quiet stretch) on a fleet of Aurora clusters, described well enough to write
 * the files AWS would have given: log subscription records, metrics and RDS events.
 */
public final class Scenario {

  private final String name;
  private final String description;
  private final long seed;
  private final Instant start;
  private final Instant end;
  private final Fleet fleet;
  private final String kinesisStream;
  private final String subscriptionFilter;
  private final Map<String, List<SlowQueryWorkload>> slowQueries;
  private final Map<String, List<ErrorLogLine>> errorLogs;
  private final List<MetricSeries> metrics;
  private final List<RdsEvent> events;
  private final Map<String, Object> facts;

  private Scenario(Builder builder) {
    this.name = builder.name;
    this.description = Objects.requireNonNull(builder.description, "description");
    this.seed = builder.seed;
    this.start = Objects.requireNonNull(builder.start, "window");
    this.end = Objects.requireNonNull(builder.end, "window");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window must end after it starts: " + start + ".." + end);
    }
    this.fleet = Objects.requireNonNull(builder.fleet, "fleet");
    this.kinesisStream = builder.kinesisStream;
    this.subscriptionFilter = builder.subscriptionFilter;
    this.slowQueries = copy(builder.slowQueries);
    this.errorLogs = copy(builder.errorLogs);
    this.metrics = List.copyOf(builder.metrics);
    this.events = List.copyOf(builder.events);
    this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(builder.facts));
    List<String> known = fleet.instances().stream().map(DbInstance::id).toList();
    for (String instance : slowQueries.keySet()) {
      requireKnown(known, instance);
    }
    for (String instance : errorLogs.keySet()) {
      requireKnown(known, instance);
    }
  }

  private static void requireKnown(List<String> known, String instance) {
    if (!known.contains(instance)) {
      throw new IllegalArgumentException("instance " + instance + " is not in the fleet " + known);
    }
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> source) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    source.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return copy;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public long seed() {
    return seed;
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  public Fleet fleet() {
    return fleet;
  }

  /** The Kinesis stream the log groups are subscribed to; it names the Kinesis files. */
  public String kinesisStream() {
    return kinesisStream;
  }

  public String subscriptionFilter() {
    return subscriptionFilter;
  }

  /** One instance's slow query log, whose entries tests and facts can be computed from. */
  public SlowLogSource slowLog(String instanceId) {
    DbInstance instance =
        fleet.instances().stream()
            .filter(candidate -> candidate.id().equals(instanceId))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId));
    return new SlowLogSource(
        LogStream.slowQuery(instance),
        slowQueries.getOrDefault(instanceId, List.of()),
        Seeds.derive(seed, "slowquery/" + instanceId),
        SlowLogSource.DEFAULT_LONG_QUERY_TIME);
  }

  /** Every log stream with something in it: slow query and error logs, per instance. */
  public List<LogSource> logSources() {
    List<LogSource> sources = new ArrayList<>();
    for (DbInstance instance : fleet.instances()) {
      if (slowQueries.containsKey(instance.id())) {
        sources.add(slowLog(instance.id()));
      }
      List<ErrorLogLine> lines = errorLogs.get(instance.id());
      if (lines != null) {
        sources.add(new ErrorLogSource(LogStream.error(instance), lines));
      }
    }
    return sources;
  }

  public List<MetricSeries> metrics() {
    return metrics;
  }

  public List<RdsEvent> events() {
    return events;
  }

  /** What a test can check about the scenario, e.g. when the failover started, in order. */
  public Map<String, Object> facts() {
    return facts;
  }

  /** Describes a scenario piece by piece. */
  public static final class Builder {
    private final String name;
    private String description;
    private long seed;
    private Instant start;
    private Instant end;
    private Fleet fleet;
    private String kinesisStream = "precursor-logs";
    private String subscriptionFilter = "precursor";
    private final Map<String, List<SlowQueryWorkload>> slowQueries = new LinkedHashMap<>();
    private final Map<String, List<ErrorLogLine>> errorLogs = new LinkedHashMap<>();
    private final List<MetricSeries> metrics = new ArrayList<>();
    private final List<RdsEvent> events = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    private Builder(String name) {
      if (!name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "scenario names are lower-case words and dashes: " + name);
      }
      this.name = name;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder window(Instant start, Instant end) {
      this.start = start;
      this.end = end;
      return this;
    }

    public Builder fleet(Fleet fleet) {
      this.fleet = fleet;
      return this;
    }

    public Builder kinesisStream(String kinesisStream) {
      this.kinesisStream = kinesisStream;
      return this;
    }

    /** Adds a workload to an instance; its slow statements end up in the instance's slow log. */
    public Builder slowQueries(String instanceId, SlowQueryWorkload workload) {
      slowQueries.computeIfAbsent(instanceId, id -> new ArrayList<>()).add(workload);
      return this;
    }

    public Builder errorLog(String instanceId, List<ErrorLogLine> lines) {
      errorLogs.computeIfAbsent(instanceId, id -> new ArrayList<>()).addAll(lines);
      return this;
    }

    public Builder metric(MetricSeries series) {
      metrics.add(series);
      return this;
    }

    public Builder event(RdsEvent event) {
      events.add(event);
      return this;
    }

    /** A fact for the manifest: a string, a number, a boolean or an instant. */
    public Builder fact(String key, Object value) {
      facts.put(key, ScenarioManifest.factValue(value));
      return this;
    }

    public Scenario build() {
      return new Scenario(this);
    }
  }
}
