package io.precursor.streams.query;

import io.precursor.schemas.Severity;
import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import io.precursor.streams.incident.IncidentBook;
import io.precursor.streams.incident.IncidentBook.OpenIncident;
import io.precursor.streams.incident.IncidentLinker;
import io.precursor.streams.precursor.Episode;
import io.precursor.streams.precursor.EpisodeTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers what the operators ask of a running stage — current risk per instance, incidents, latest
 * precursors — from its local state stores (interactive queries). With several instances of the
 * stage, each answers for the partitions it holds.
 */
public final class StageQueries {

  private final KafkaStreams streams;
  private final long episodeGapMillis;

  public StageQueries(KafkaStreams streams, long episodeGapMillis) {
    this.streams = streams;
    this.episodeGapMillis = episodeGapMillis;
  }

  /** One instance at risk: its open episodes, and the highest severity among them. */
  public record InstanceRisk(String instance, String severity, List<OpenEpisode> episodes) {}

  /** An episode of one rule on one instance that has not yet ended. */
  public record OpenEpisode(
      String id, String kind, String severity, Instant since, Instant lastHeld) {}

  /** The latest incident of a cluster and the precursors linked to it. */
  public record IncidentView(
      String id,
      String cluster,
      String instance,
      String state,
      Instant startedAt,
      Instant completedAt,
      Long rtoMillis,
      String message,
      List<LinkedPrecursorView> precursors) {}

  /** A precursor that came before an incident, and by how much. */
  public record LinkedPrecursorView(
      String id,
      String kind,
      String severity,
      String instance,
      Instant detectedAt,
      long leadTimeMillis) {}

  /** A precursor record as emitted. */
  public record PrecursorView(
      String id,
      String kind,
      String severity,
      String instance,
      String cluster,
      Instant windowStart,
      Instant windowEnd,
      Instant detectedAt,
      String summary,
      String hint) {}

  /**
   * Instances with an open episode, riskiest first. An episode is open while it held within the
   * episode gap of the newest event time the stage has seen in any episode: event time, so a replay
   * of last month answers as the live stage did then.
   */
  public List<InstanceRisk> risk() {
    List<KeyValue<String, Episode>> episodes = all(EpisodeTracker.STORE);
    long now = episodes.stream().mapToLong(e -> e.value.lastHeldAt()).max().orElse(0);
    Map<String, List<OpenEpisode>> open = new TreeMap<>();
    for (KeyValue<String, Episode> entry : episodes) {
      Episode episode = entry.value;
      if (now - episode.lastHeldAt() > episodeGapMillis) {
        continue;
      }
      // Keys are instance|kind, as the episode tracker writes them.
      int bar = entry.key.lastIndexOf('|');
      open.computeIfAbsent(entry.key.substring(0, bar), i -> new ArrayList<>())
          .add(
              new OpenEpisode(
                  episode.id(),
                  entry.key.substring(bar + 1),
                  episode.severity(),
                  Instant.ofEpochMilli(episode.startedAt()),
                  Instant.ofEpochMilli(episode.lastHeldAt())));
    }
    List<InstanceRisk> risks = new ArrayList<>();
    open.forEach(
        (instance, list) -> {
          list.sort(Comparator.comparing(OpenEpisode::since).thenComparing(OpenEpisode::kind));
          String highest =
              list.stream()
                  .map(OpenEpisode::severity)
                  .max(Comparator.comparingInt(StageQueries::severityRank))
                  .orElseThrow();
          risks.add(new InstanceRisk(instance, highest, List.copyOf(list)));
        });
    risks.sort(
        Comparator.comparingInt((InstanceRisk r) -> severityRank(r.severity()))
            .reversed()
            .thenComparing(InstanceRisk::instance));
    return risks;
  }

  /** The latest incident of every cluster, or only those still failing over; newest first. */
  public List<IncidentView> incidents(boolean openOnly) {
    List<IncidentView> incidents = new ArrayList<>();
    for (KeyValue<String, IncidentBook> entry : this.<IncidentBook>all(IncidentLinker.STORE)) {
      OpenIncident incident = entry.value.latest();
      if (incident == null || (openOnly && incident.completedAt() != null)) {
        continue;
      }
      List<LinkedPrecursorView> linked = new ArrayList<>();
      for (PrecursorRef p : incident.linked()) {
        linked.add(
            new LinkedPrecursorView(
                p.id(),
                p.kind(),
                p.severity(),
                p.instance(),
                Instant.ofEpochMilli(p.detectedAt()),
                incident.startedAt() - p.detectedAt()));
      }
      incidents.add(
          new IncidentView(
              incident.id(),
              entry.key,
              incident.instance(),
              incident.state(),
              Instant.ofEpochMilli(incident.startedAt()),
              incident.completedAt() == null ? null : Instant.ofEpochMilli(incident.completedAt()),
              incident.completedAt() == null ? null : incident.completedAt() - incident.startedAt(),
              incident.message(),
              List.copyOf(linked)));
    }
    incidents.sort(Comparator.comparing(IncidentView::startedAt).reversed());
    return incidents;
  }

  /** The latest {@code limit} precursor records of {@code instance} (every instance if null). */
  public List<PrecursorView> precursors(String instance, int limit) {
    List<RecentPrecursor> found = new ArrayList<>();
    if (instance != null) {
      InstancePrecursors kept =
          this.<InstancePrecursors>store(RecentPrecursorsRecorder.STORE).get(instance);
      if (kept != null) {
        found.addAll(kept.latest());
      }
    } else {
      for (KeyValue<String, InstancePrecursors> entry :
          this.<InstancePrecursors>all(RecentPrecursorsRecorder.STORE)) {
        found.addAll(entry.value.latest());
      }
    }
    return found.stream()
        .sorted(
            Comparator.comparingLong(RecentPrecursor::detectedAt)
                .reversed()
                .thenComparing(RecentPrecursor::id))
        .limit(limit)
        .map(
            p ->
                new PrecursorView(
                    p.id(),
                    p.kind(),
                    p.severity(),
                    p.instance(),
                    p.cluster(),
                    Instant.ofEpochMilli(p.windowStart()),
                    Instant.ofEpochMilli(p.windowEnd()),
                    Instant.ofEpochMilli(p.detectedAt()),
                    p.summary(),
                    p.hint()))
        .toList();
  }

  private static int severityRank(String severity) {
    return Severity.valueOf(severity).ordinal();
  }

  private <V> List<KeyValue<String, V>> all(String storeName) {
    List<KeyValue<String, V>> entries = new ArrayList<>();
    try (KeyValueIterator<String, V> it = this.<V>store(storeName).all()) {
      it.forEachRemaining(entries::add);
    } catch (InvalidStateStoreException e) {
      throw notQueryable(storeName, e);
    }
    return entries;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String storeName) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new StoresNotQueryable("the stage is " + state + ", not RUNNING", null);
    }
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              storeName, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw notQueryable(storeName, e);
    }
  }

  private static StoresNotQueryable notQueryable(String storeName, RuntimeException cause) {
    return new StoresNotQueryable(
        "store " + storeName + " is not queryable now: " + cause.getMessage(), cause);
  }
}
