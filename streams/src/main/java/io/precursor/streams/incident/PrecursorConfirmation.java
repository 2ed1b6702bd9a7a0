package io.precursor.streams.incident;

import io.precursor.schemas.Confirmation;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import io.precursor.streams.incident.ConfirmationBook.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Announces a precursor once more, marked UNCONFIRMED, when no failover of its cluster started
 * within the incident horizon after it: by stream time, so replay marks the same ones as live. The
 * report card counts these as false alarms.
 */
public final class PrecursorConfirmation
    implements Processor<String, ClusterSignal, String, FailoverPrecursor> {

  public static final String STORE = "precursor-confirmations";

  private final long horizonMillis;
  private final long graceMillis;
  private ProcessorContext<String, FailoverPrecursor> context;
  private KeyValueStore<String, ConfirmationBook> books;

  /**
   * @param horizonMillis how long after a precursor a failover still confirms it
   * @param graceMillis how late a failover event may arrive and still confirm
   */
  public PrecursorConfirmation(long horizonMillis, long graceMillis) {
    this.horizonMillis = horizonMillis;
    this.graceMillis = graceMillis;
  }

  @Override
  public void init(ProcessorContext<String, FailoverPrecursor> context) {
    this.context = context;
    this.books = context.getStateStore(STORE);
    context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::markUnconfirmed);
  }

  @Override
  public void process(Record<String, ClusterSignal> record) {
    String cluster = record.key();
    ConfirmationBook book = books.get(cluster);
    if (book == null) {
      book = new ConfirmationBook(List.of(), null);
    }
    ClusterSignal signal = record.value();
    List<Pending> pending = new ArrayList<>(book.pending());
    Long lastFailover = book.lastFailoverAt();
    if (signal.precursor() != null) {
      PrecursorRef p = signal.precursor();
      Pending earlier =
          pending.stream().filter(q -> q.precursor().id().equals(p.id())).findFirst().orElse(null);
      // A failover already seen may have followed this (late) precursor.
      boolean confirmed = lastFailover != null && leadsTo(p, lastFailover);
      if (earlier != null) {
        // An escalation: the episode is announced again at its highest severity, from its start.
        pending.remove(earlier);
        pending.add(new Pending(escalated(earlier.precursor(), p), earlier.detail()));
      } else if (!confirmed && signal.detail() != null) {
        pending.add(new Pending(p, signal.detail()));
      }
    } else if ("FAILOVER_STARTED".equals(signal.event().kind())) {
      long started = signal.event().time();
      pending.removeIf(q -> leadsTo(q.precursor(), started));
      lastFailover = lastFailover == null ? started : Math.max(lastFailover, started);
    }
    if (signal.precursor() != null) {
      // A precursor that arrives already due (stream time moved past its horizon while it was on
      // its way, e.g. behind a failover from the other repartition topic) is announced now: the
      // stream-time punctuator would otherwise wait for a later record that may never come.
      pending = announceDue(pending, context.currentStreamTimeMs());
    }
    books.put(cluster, new ConfirmationBook(List.copyOf(pending), lastFailover));
  }

  private static PrecursorRef escalated(PrecursorRef earlier, PrecursorRef later) {
    boolean higher =
        Severity.valueOf(later.severity()).ordinal()
            > Severity.valueOf(earlier.severity()).ordinal();
    return new PrecursorRef(
        earlier.id(),
        earlier.kind(),
        higher ? later.severity() : earlier.severity(),
        earlier.instance(),
        Math.min(earlier.detectedAt(), later.detectedAt()));
  }

  private boolean leadsTo(PrecursorRef precursor, long failoverAt) {
    long lead = failoverAt - precursor.detectedAt();
    return lead >= 0 && lead <= horizonMillis;
  }

  private void markUnconfirmed(long streamTime) {
    List<KeyValue<String, ConfirmationBook>> changed = new ArrayList<>();
    try (KeyValueIterator<String, ConfirmationBook> all = books.all()) {
      while (all.hasNext()) {
        KeyValue<String, ConfirmationBook> entry = all.next();
        List<Pending> still = announceDue(entry.value.pending(), streamTime);
        if (still.size() != entry.value.pending().size()) {
          changed.add(
              KeyValue.pair(
                  entry.key,
                  new ConfirmationBook(List.copyOf(still), entry.value.lastFailoverAt())));
        }
      }
    }
    changed.forEach(c -> books.put(c.key, c.value));
  }

  /** Announces the pending precursors due by {@code streamTime}; returns the others. */
  private List<Pending> announceDue(List<Pending> pending, long streamTime) {
    List<Pending> still = new ArrayList<>();
    for (Pending p : pending) {
      long due = p.precursor().detectedAt() + horizonMillis + graceMillis;
      if (due <= streamTime) {
        context.forward(new Record<>(p.precursor().instance(), unconfirmed(p), due));
      } else {
        still.add(p);
      }
    }
    return still;
  }

  private static FailoverPrecursor unconfirmed(Pending pending) {
    PrecursorRef p = pending.precursor();
    return FailoverPrecursor.newBuilder()
        .setId(p.id())
        .setKind(PrecursorKind.valueOf(p.kind()))
        .setSeverity(Severity.valueOf(p.severity()))
        .setInstance(p.instance())
        .setCluster(pending.detail().cluster())
        .setWindowStart(Instant.ofEpochMilli(pending.detail().windowStart()))
        .setWindowEnd(Instant.ofEpochMilli(pending.detail().windowEnd()))
        .setDetectedAt(Instant.ofEpochMilli(p.detectedAt()))
        .setSummary(pending.detail().summary())
        .setHint(pending.detail().hint())
        .setConfirmation(Confirmation.UNCONFIRMED)
        .build();
  }
}
