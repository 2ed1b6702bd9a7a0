package io.precursor.streams.incident;

import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.incident.ClusterSignal.FailoverEvent;
import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import io.precursor.streams.incident.IncidentBook.OpenIncident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Opens an incident when a cluster starts failing over, links the precursors seen within the
 * horizon before it (late ones too) with their lead time, and closes it with its recovery time.
 */
public final class IncidentLinker implements Processor<String, ClusterSignal, String, Incident> {

  public static final String STORE = "incident-books";

  private final long horizonMillis;
  private ProcessorContext<String, Incident> context;
  private KeyValueStore<String, IncidentBook> books;

  public IncidentLinker(long horizonMillis) {
    this.horizonMillis = horizonMillis;
  }

  @Override
  public void init(ProcessorContext<String, Incident> context) {
    this.context = context;
    this.books = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, ClusterSignal> record) {
    String cluster = record.key();
    IncidentBook book = books.get(cluster);
    if (book == null) {
      book = IncidentBook.empty();
    }
    ClusterSignal signal = record.value();
    IncidentBook next =
        signal.precursor() != null
            ? onPrecursor(record, book, signal.precursor())
            : onEvent(record, cluster, book, signal.event());
    books.put(cluster, next);
  }

  private IncidentBook onPrecursor(
      Record<String, ClusterSignal> record, IncidentBook book, PrecursorRef incoming) {
    PrecursorRef merged =
        book.recent().stream()
            .filter(p -> p.id().equals(incoming.id()))
            .findFirst()
            .map(earlier -> merge(earlier, incoming))
            .orElse(incoming);
    List<PrecursorRef> recent = new ArrayList<>(book.recent());
    recent.removeIf(p -> p.id().equals(merged.id()));
    recent.add(merged);
    long newest = recent.stream().mapToLong(PrecursorRef::detectedAt).max().orElse(0);
    recent.removeIf(p -> p.detectedAt() < newest - 2 * horizonMillis);
    OpenIncident latest = book.latest();
    if (latest != null && leadsTo(merged, latest)) {
      List<PrecursorRef> linked = new ArrayList<>(latest.linked());
      linked.removeIf(p -> p.id().equals(merged.id()));
      linked.add(merged);
      latest = withLinked(latest, linked);
      emit(record, record.key(), latest);
    }
    return new IncidentBook(recent, latest);
  }

  private IncidentBook onEvent(
      Record<String, ClusterSignal> record,
      String cluster,
      IncidentBook book,
      FailoverEvent event) {
    OpenIncident latest = book.latest();
    switch (event.kind()) {
      case "FAILOVER_STARTED" -> {
        if (latest != null && latest.startedAt() == event.time()) {
          return book; // the same event delivered twice
        }
        String id = cluster + "/failover/" + Instant.ofEpochMilli(event.time());
        OpenIncident started =
            new OpenIncident(
                id,
                IncidentState.FAILOVER_STARTED.name(),
                event.time(),
                null,
                event.message(),
                event.instance(),
                List.of());
        OpenIncident opened =
            withLinked(started, book.recent().stream().filter(p -> leadsTo(p, started)).toList());
        emit(record, cluster, opened);
        return new IncidentBook(book.recent(), opened);
      }
      case "FAILOVER_COMPLETED", "FAILOVER_FAILED" -> {
        if (latest == null || latest.completedAt() != null || event.time() < latest.startedAt()) {
          return book; // best-effort events: a completion without its start opens nothing
        }
        String state =
            event.kind().equals("FAILOVER_FAILED")
                ? IncidentState.FAILOVER_FAILED.name()
                : IncidentState.FAILOVER_COMPLETED.name();
        OpenIncident closed =
            new OpenIncident(
                latest.id(),
                state,
                latest.startedAt(),
                event.time(),
                latest.message(),
                latest.instance(),
                latest.linked());
        emit(record, cluster, closed);
        return new IncidentBook(book.recent(), closed);
      }
      default -> {
        return book;
      }
    }
  }

  /**
   * An escalation of an episode keeps the episode's first detection, so lead time counts from the
   * first warning, and takes the higher severity.
   */
  private static PrecursorRef merge(PrecursorRef earlier, PrecursorRef later) {
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

  private boolean leadsTo(PrecursorRef precursor, OpenIncident incident) {
    long lead = incident.startedAt() - precursor.detectedAt();
    return lead >= 0 && lead <= horizonMillis;
  }

  private static OpenIncident withLinked(OpenIncident incident, List<PrecursorRef> linked) {
    List<PrecursorRef> sorted = new ArrayList<>(linked);
    sorted.sort(Comparator.comparingLong(PrecursorRef::detectedAt).thenComparing(PrecursorRef::id));
    return new OpenIncident(
        incident.id(),
        incident.state(),
        incident.startedAt(),
        incident.completedAt(),
        incident.message(),
        incident.instance(),
        List.copyOf(sorted));
  }

  private void emit(Record<String, ClusterSignal> record, String cluster, OpenIncident incident) {
    List<LinkedPrecursor> precursors = new ArrayList<>();
    for (PrecursorRef p : incident.linked()) {
      precursors.add(
          LinkedPrecursor.newBuilder()
              .setPrecursorId(p.id())
              .setKind(PrecursorKind.valueOf(p.kind()))
              .setSeverity(Severity.valueOf(p.severity()))
              .setInstance(p.instance())
              .setDetectedAt(Instant.ofEpochMilli(p.detectedAt()))
              .setLeadTimeMillis(incident.startedAt() - p.detectedAt())
              .build());
    }
    Incident out =
        Incident.newBuilder()
            .setId(incident.id())
            .setCluster(cluster)
            .setInstance(incident.instance())
            .setState(IncidentState.valueOf(incident.state()))
            .setStartedAt(Instant.ofEpochMilli(incident.startedAt()))
            .setCompletedAt(
                incident.completedAt() == null
                    ? null
                    : Instant.ofEpochMilli(incident.completedAt()))
            .setRtoMillis(
                incident.completedAt() == null
                    ? null
                    : incident.completedAt() - incident.startedAt())
            .setMessage(incident.message())
            .setPrecursors(precursors)
            .build();
    context.forward(new Record<>(incident.id(), out, record.timestamp()));
  }
}
