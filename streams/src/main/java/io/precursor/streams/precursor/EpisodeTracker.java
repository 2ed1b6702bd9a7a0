package io.precursor.streams.precursor;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Severity;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the stream of rule findings into precursors: the first finding of an episode is announced
 * under a stable id, later ones only when severity rises, and an episode ends after the rule stayed
 * quiet for the configured gap. A rule that is no longer firing but still elevated (an INFO
 * finding) keeps its episode open, so a value hovering at a threshold makes one episode.
 */
public final class EpisodeTracker
    implements Processor<String, WindowFinding, String, FailoverPrecursor> {

  public static final String STORE = "precursor-episodes";

  private final long gapMillis;
  private ProcessorContext<String, FailoverPrecursor> context;
  private KeyValueStore<String, Episode> episodes;

  public EpisodeTracker(long gapMillis) {
    this.gapMillis = gapMillis;
  }

  @Override
  public void init(ProcessorContext<String, FailoverPrecursor> context) {
    this.context = context;
    this.episodes = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, WindowFinding> record) {
    String instance = record.key();
    WindowFinding found = record.value();
    Finding finding = found.finding();
    String key = instance + "|" + finding.kind();
    Episode episode = episodes.get(key);
    long at = found.detectedAt();
    boolean newEpisode = episode == null || at - episode.lastHeldAt() > gapMillis;
    if (!finding.fires()) {
      // Hysteresis: still elevated keeps an open episode alive but never opens one.
      if (!newEpisode && at > episode.lastHeldAt()) {
        episodes.put(key, new Episode(episode.id(), episode.startedAt(), episode.severity(), at));
      }
      return;
    }
    if (newEpisode) {
      String id = instance + "/" + kindId(finding) + "/" + Instant.ofEpochMilli(at);
      episodes.put(key, new Episode(id, at, finding.severity().name(), at));
      forward(record, instance, id, found);
      return;
    }
    boolean rises = finding.severity().ordinal() > Severity.valueOf(episode.severity()).ordinal();
    episodes.put(
        key,
        new Episode(
            episode.id(),
            episode.startedAt(),
            rises ? finding.severity().name() : episode.severity(),
            Math.max(episode.lastHeldAt(), at)));
    if (rises) {
      forward(record, instance, episode.id(), found);
    }
  }

  private void forward(
      Record<String, WindowFinding> record, String instance, String id, WindowFinding found) {
    Finding finding = found.finding();
    FailoverPrecursor precursor =
        FailoverPrecursor.newBuilder()
            .setId(id)
            .setKind(finding.kind())
            .setSeverity(finding.severity())
            .setInstance(instance)
            .setCluster(found.cluster())
            .setWindowStart(Instant.ofEpochMilli(found.windowStart()))
            .setWindowEnd(Instant.ofEpochMilli(found.windowEnd()))
            .setDetectedAt(Instant.ofEpochMilli(found.detectedAt()))
            .setSummary(finding.summary())
            .setHint(finding.hint())
            .setTopFingerprints(finding.fingerprints())
            .setMetrics(finding.metrics())
            .build();
    context.forward(record.withValue(precursor).withTimestamp(found.detectedAt()));
  }

  private static String kindId(Finding finding) {
    return finding.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
