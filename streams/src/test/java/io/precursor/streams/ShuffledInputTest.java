package io.precursor.streams;

import static io.precursor.streams.Signals.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.StatementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** CloudWatch delivers late and out of order: within the grace, the answer must not change. */
class ShuffledInputTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");
  private static final Duration SHUFFLE = Duration.ofMinutes(4); // the grace is 5

  @Test
  void shouldFindTheSameEpisodesWhenTheInputArrivesShuffledWithinTheGrace() {
    List<Timed> scenario = scenario();
    Map<String, String> ordered = episodes(scenario);
    assertThat(ordered.values())
        .containsExactly("BULK_DML_MEMORY_PRESSURE CRITICAL", "DEADLOCK_STORM CRITICAL");
    assertThat(ordered).as("the scenario fires").hasSizeGreaterThanOrEqualTo(2);

    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<Timed> shuffled = new ArrayList<>(scenario);
      // Each record is held back by up to SHUFFLE, so none is later than the grace allows.
      Map<Timed, Long> arrival = new java.util.IdentityHashMap<>();
      for (Timed t : shuffled) {
        arrival.put(t, t.time().toEpochMilli() + (long) (random.nextDouble() * SHUFFLE.toMillis()));
      }
      shuffled.sort(Comparator.comparingLong(arrival::get));

      // Kinds, episode count and the severity each reached are the same. Episode ids are not yet:
      // they carry the event time of the first firing, and a window that received a later record
      // early fires on it (see the README's "Known gaps").
      assertThat(List.copyOf(episodes(shuffled).values()))
          .as("seed %d", seed)
          .isEqualTo(List.copyOf(ordered.values()));
    }
  }

  /** Episode id to kind and highest severity. */
  private static Map<String, String> episodes(List<Timed> records) {
    Map<String, String> episodes = new TreeMap<>();
    try (TopologyFixture topology = new TopologyFixture()) {
      records.forEach(r -> topology.pipe(r.record()));
      for (FailoverPrecursor p : topology.precursors.readValuesToList()) {
        episodes.merge(
            p.getId(),
            p.getKind() + " " + p.getSeverity(),
            (a, b) -> a.compareTo(b) >= 0 && a.endsWith("CRITICAL") ? a : b);
      }
    }
    return episodes;
  }

  /** Seed 000's batch and a deadlock storm on the same writer, then a failover. */
  private static List<Timed> scenario() {
    List<Timed> records = new ArrayList<>();
    Function<Integer, Instant> at = minute -> T0.plus(Duration.ofMinutes(minute));
    double[] memory = {12, 12, 11.8, 11.1, 9.6, 8.2, 7.1, 6.0, 4.4, 3.0, 1.9, 1.1, 0.6};
    for (int minute = 0; minute < memory.length; minute++) {
      records.add(timed(Signals.metric("FreeableMemory", at.apply(minute), memory[minute] * GIB)));
      records.add(
          timed(Signals.metric("Deadlocks", at.apply(minute), minute < 3 ? 0 : 0.004 * minute)));
    }
    for (int i = 0; i < 120; i++) {
      Instant t = at.apply(2).plusSeconds(i * 4L);
      records.add(
          timed(
              Signals.dml(
                  "dml-" + i,
                  t,
                  i % 3 == 0 ? StatementKind.INSERT : StatementKind.DELETE,
                  "ad_logs")));
    }
    for (int i = 0; i < 30; i++) {
      records.add(
          timed(Signals.deadlock("dl-" + i, at.apply(3).plusSeconds(i * 15L), "ads.ad_logs")));
    }
    records.add(timed(Signals.failover(DbEventKind.FAILOVER_STARTED, at.apply(14))));
    records.sort(Comparator.comparing(Timed::time));
    return records;
  }

  private static Timed timed(Object record) {
    Instant time =
        record instanceof io.precursor.schemas.SlowQueryEntry e
            ? e.getEventTime()
            : record instanceof io.precursor.schemas.MetricSample m
                ? m.getTime()
                : record instanceof io.precursor.schemas.ErrorLogEntry e
                    ? e.getEventTime()
                    : ((io.precursor.schemas.DbEvent) record).getTime();
    return new Timed(time, record);
  }

  private record Timed(Instant time, Object record) {}
}
