package io.precursor.streams.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.precursor.schemas.DeadLetter;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.topics.Topics;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts what the topology writes, as it is sent: precursors by kind and severity, incident
 * lifecycle changes by state, the lead time of each precursor linked to an incident, and dead
 * letters by reason. Fed by {@link OutputMetersInterceptor} on the Streams producer; a transaction
 * that aborts and is processed again is counted again (rare, and only ever over-counts).
 */
public final class StreamsOutputMeters {

  /** Property under which the Streams producer's interceptor finds this instance. */
  public static final String CONFIG = "precursor.streams.output.meters";

  private static final int REMEMBERED_LINKS = 10_000;

  private final Topics topics;
  // Meters are created here and appear in every registry added later (the stage's).
  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final DistributionSummary leadTimes;
  // An incident is written again on every lifecycle change: each link's lead time counts once.
  private final Set<String> linksSeen =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_LINKS;
            }
          });

  public StreamsOutputMeters(Topics topics) {
    this.topics = topics;
    this.leadTimes =
        DistributionSummary.builder("precursor.streams.lead.time")
            .description("How long before a failover each precursor linked to it fired")
            .baseUnit("seconds")
            .serviceLevelObjectives(60, 300, 600, 900, 1800, 3600)
            .register(meters);
  }

  /** Shows these meters in {@code registry} too. */
  public void bindTo(MeterRegistry registry) {
    meters.add(registry);
  }

  /** Counts one record the topology sends to {@code topic}. */
  void sent(String topic, byte[] value) {
    if (value == null) {
      return;
    }
    if (topic.equals(topics.precursors().name())) {
      precursor(topics.precursors().valueSerde().deserializer().deserialize(topic, value));
    } else if (topic.equals(topics.incidents().name())) {
      incident(topics.incidents().valueSerde().deserializer().deserialize(topic, value));
    } else if (topic.equals(topics.deadLetters(Topics.Stage.STREAMS).name())) {
      deadLetter(
          topics
              .deadLetters(Topics.Stage.STREAMS)
              .valueSerde()
              .deserializer()
              .deserialize(topic, value));
    }
  }

  void precursor(FailoverPrecursor precursor) {
    Counter.builder("precursor.streams.precursors")
        .description("Precursors emitted: one when a rule first fires, one per severity rise")
        .tag("kind", precursor.getKind().name())
        .tag("severity", precursor.getSeverity().name())
        .register(meters)
        .increment();
  }

  void incident(Incident incident) {
    Counter.builder("precursor.streams.incidents")
        .description("Incident lifecycle changes written, by the state reached")
        .tag("state", incident.getState().name())
        .register(meters)
        .increment();
    for (LinkedPrecursor link : incident.getPrecursors()) {
      boolean first;
      synchronized (linksSeen) {
        first = linksSeen.add(incident.getId() + "\n" + link.getPrecursorId());
      }
      if (first) {
        leadTimes.record(Duration.ofMillis(link.getLeadTimeMillis()).toMillis() / 1000.0);
      }
    }
  }

  void deadLetter(DeadLetter letter) {
    Counter.builder("precursor.streams.dead.letters")
        .description("Records set aside on the streams dead-letter topic, by reason")
        .tag("reason", reasonOf(letter.getReason()))
        .register(meters)
        .increment();
  }

  // Reasons carry record details; the tag keeps only their bounded kind.
  static String reasonOf(String reason) {
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (lower.startsWith("unreadable record")) {
      return "unreadable_record";
    }
    if (lower.startsWith("processing failed")) {
      return "processing_failed";
    }
    return "other";
  }
}
