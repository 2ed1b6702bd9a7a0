package io.precursor.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.precursor.ingest.IngestCounters.DeadLetterReason;
import io.precursor.ingest.events.EventPolling;
import io.precursor.ingest.kinesis.KinesisIngest;
import io.precursor.ingest.metrics.MetricPolling;
import io.precursor.ingest.metrics.PollTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.producer.Producer;

/**
 * The ingest stage's meters, read from the counters the parts already keep: records in per input
 * and out per topic, dead letters by reason, parse errors, duplicates dropped, poll lag, throttles
 * and failures, the KCL worker's distance behind the stream tip and its leases, and each Kafka
 * producer's client metrics.
 */
public final class IngestMetrics implements MeterBinder, AutoCloseable {

  private static final String IN = "precursor.ingest.records.in";
  private static final String OUT = "precursor.ingest.records.out";

  private final IngestCounters counters;
  private KinesisIngest kinesis;
  private MetricPolling metricPolling;
  private EventPolling eventPolling;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();

  /** Meters of what went through {@code counters} (subscription records, export files). */
  public IngestMetrics(IngestCounters counters) {
    this.counters = counters;
  }

  /** Adds the KCL worker's meters. */
  public IngestMetrics with(KinesisIngest worker) {
    this.kinesis = worker;
    return this;
  }

  /** Adds the metric poll's meters. */
  public IngestMetrics with(MetricPolling polling) {
    this.metricPolling = polling;
    return this;
  }

  /** Adds the RDS event poll's meters. */
  public IngestMetrics with(EventPolling polling) {
    this.eventPolling = polling;
    return this;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, IN, counters, IngestCounters::records, "input", "subscription");
    counter(registry, OUT, counters, IngestCounters::slowQueries, "topic", "slowlog");
    counter(registry, OUT, counters, IngestCounters::errorLines, "topic", "errorlog");
    counter(
        registry,
        OUT,
        this,
        m -> counters.metrics() + published(m.metricPolling == null ? null : totals(m, true)),
        "topic",
        "metrics");
    counter(
        registry,
        OUT,
        this,
        m -> counters.dbEvents() + published(m.eventPolling == null ? null : totals(m, false)),
        "topic",
        "db-events");
    counter(
        registry, "precursor.ingest.control.messages", counters, IngestCounters::controlMessages);
    counter(registry, "precursor.ingest.ignored.events", counters, IngestCounters::ignoredEvents);
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      counter(
          registry,
          "precursor.ingest.dead.letters",
          counters,
          c -> c.deadLetters(reason),
          "reason",
          reason.name().toLowerCase(Locale.ROOT));
    }
    counter(registry, "precursor.ingest.parse.errors", counters, IngestCounters::parseErrors);
    if (kinesis != null) {
      Gauge.builder(
              "precursor.ingest.kinesis.behind.latest",
              counters,
              c -> c.maxMillisBehindLatest().orElse(-1))
          .description("How far the furthest held shard is behind its tip (KCL); -1 before a batch")
          .baseUnit("milliseconds")
          .register(registry);
      Gauge.builder("precursor.ingest.kinesis.leases.held", kinesis, KinesisIngest::leasesHeld)
          .description("Shard leases this KCL worker holds")
          .register(registry);
      bindProducer(registry, kinesis.producer());
    }
    if (metricPolling != null) {
      bindPoll(registry, "metric_poll", metricPolling.totals());
      counter(
          registry,
          "precursor.ingest.polls",
          metricPolling,
          MetricPolling::polls,
          "poll",
          "metric_poll");
      counter(
          registry,
          "precursor.ingest.poll.failures",
          metricPolling,
          MetricPolling::failures,
          "poll",
          "metric_poll");
      Gauge.builder(
              "precursor.ingest.poll.lag",
              metricPolling.totals(),
              t -> t.lagMillis() < 0 ? Double.NaN : t.lagMillis() / 1000.0)
          .description("Age of the newest datapoint the last metric poll read")
          .baseUnit("seconds")
          .tag("poll", "metric_poll")
          .register(registry);
      bindProducer(registry, metricPolling.producer());
    }
    if (eventPolling != null) {
      bindPoll(registry, "event_poll", eventPolling.totals());
      counter(
          registry,
          "precursor.ingest.polls",
          eventPolling,
          EventPolling::polls,
          "poll",
          "event_poll");
      counter(
          registry,
          "precursor.ingest.poll.failures",
          eventPolling,
          EventPolling::failures,
          "poll",
          "event_poll");
      bindProducer(registry, eventPolling.producer());
    }
  }

  private static PollTotals totals(IngestMetrics m, boolean metric) {
    return metric ? m.metricPolling.totals() : m.eventPolling.totals();
  }

  private static long published(PollTotals totals) {
    return totals == null ? 0 : totals.published();
  }

  private void bindPoll(MeterRegistry registry, String poll, PollTotals totals) {
    counter(registry, IN, totals, PollTotals::received, "input", poll);
    counter(
        registry,
        "precursor.ingest.duplicates.dropped",
        totals,
        PollTotals::duplicatesDropped,
        "input",
        poll);
    counter(
        registry, "precursor.ingest.poll.throttles", totals, PollTotals::throttles, "poll", poll);
    counter(
        registry,
        "precursor.ingest.poll.server.errors",
        totals,
        PollTotals::serverErrors,
        "poll",
        poll);
  }

  private void bindProducer(MeterRegistry registry, Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    clientMetrics.add(metrics);
  }

  private static <T> void counter(
      MeterRegistry registry, String name, T source, ToDoubleFunction<T> value, String... tags) {
    FunctionCounter.builder(name, source, value).tags(tags).register(registry);
  }

  @Override
  public void close() {
    clientMetrics.forEach(KafkaClientMetrics::close);
  }
}
