package io.precursor.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.ingest.fuzz.RecordGenerators.Generator;
import io.precursor.ingest.logs.LogEventOutcome;
import io.precursor.ingest.logs.LogEventRouter;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.ingest.subscription.SubscriptionDecoder;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds at least 100,000 generated and mutated Kinesis records through the subscription decoder,
 * the log router with its slow and error log parsers, and (one case in ten, as it repeats that
 * work) {@link SubscriptionIngest}: no exception may escape, every record must end as records,
 * counts or dead letters with a reason, and no parser may fail in a way only the router's safety
 * net catches.
 *
 * <p>Deterministic: case {@code n} is generated from its own seed, so a failure names the case and
 * {@code -Dprecursor.fuzz.only=<n>} replays just that one. {@code -Dprecursor.fuzz.records} and
 * {@code -Dprecursor.fuzz.seed} run more records or other ones.
 */
class BadInputFuzzTest {

  private static final long SEED = Long.getLong("precursor.fuzz.seed", 20_261_117L);
  private static final int RECORDS = Integer.getInteger("precursor.fuzz.records", 100_000);
  private static final int ONLY = Integer.getInteger("precursor.fuzz.only", -1);
  private static final int MAX_FAILURES_SHOWN = 20;

  /**
   * Every n-th case also goes through SubscriptionIngest itself, which repeats decode and route.
   */
  private static final int INGEST_EVERY = 10;

  /** Far above any case's time; what takes longer is a pathological input (a regex blowing up). */
  private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(5);

  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://bad-input-fuzz")));
  private final IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the build instead of stalling it
  void shouldAccountForEveryRecordAndLetNoExceptionEscape() {
    List<Generator> generators = new RecordGenerators(new SeedCorpus()).all();
    SubscriptionDecoder decoder = new SubscriptionDecoder();
    LogEventRouter router = LogEventRouter.create(SqlTextPolicy.keptUpTo(2048));
    IngestCounters counters = new IngestCounters();
    SubscriptionIngest ingest = new SubscriptionIngest(config, topics, counters);
    CountingSink sink = new CountingSink();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> recordsByGenerator = new TreeMap<>();
    Map<String, Long> cpuByGenerator = new TreeMap<>();
    Map<String, Integer> fates = new TreeMap<>();
    long slowestNanos = 0;
    String slowestCase = "";
    int records = 0;
    int ingested = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedCpu = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();

    for (int caseNumber = 0; records < RECORDS; caseNumber++) {
      if (ONLY >= 0 && caseNumber != ONLY) {
        continue;
      }
      Random random = new Random(SEED * 1_000_003L + caseNumber);
      Generator generator = pick(random, generators);
      long generating = threads.getCurrentThreadCpuTime();
      List<byte[]> recordsOfCase = generator.make().apply(random);
      cpuByGenerator.merge(
          generator.name(), threads.getCurrentThreadCpuTime() - generating, Long::sum);
      for (int i = 0; i < recordsOfCase.size(); i++) {
        byte[] record = recordsOfCase.get(i);
        String where = "case " + caseNumber + " record " + i + " (" + generator.name() + ")";
        long start = threads.getCurrentThreadCpuTime();
        try {
          RecordFate fate = RecordFate.of(record, decoder, router);
          check(fate, where, failures);
          tally(fate, fates);
          if (caseNumber % INGEST_EVERY == 0) {
            ingest.accept(record, where, sink);
            ingested++;
          }
        } catch (Throwable escaped) { // StackOverflowError and OutOfMemoryError escape too
          failures.add(where + ": " + escaped + " on " + preview(record));
        }
        long nanos = threads.getCurrentThreadCpuTime() - start;
        if (nanos > slowestNanos) {
          slowestNanos = nanos;
          slowestCase = where + ", " + record.length + " bytes";
        }
        recordsByGenerator.merge(generator.name(), 1, Integer::sum);
        cpuByGenerator.merge(generator.name(), nanos, Long::sum);
        records++;
      }
      if (ONLY >= 0) {
        break;
      }
    }
    List<LogEventOutcome> flushed = router.flush();
    ingest.flush(sink);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - startedCpu);

    System.out.printf(
        "Fuzzed %,d records in %.1f s, %.1f s of CPU (slowest %.0f ms: %s)%n"
            + "  records by generator %s%n"
            + "  CPU ms by generator, generating included %s%n  fates %s%n  SubscriptionIngest: %s%n",
        records,
        took.toMillis() / 1000.0,
        cpu.toMillis() / 1000.0,
        slowestNanos / 1e6,
        slowestCase,
        recordsByGenerator,
        millis(cpuByGenerator),
        fates,
        counters);
    assertThat(failures.subList(0, Math.min(failures.size(), MAX_FAILURES_SHOWN)))
        .as("escapes and unaccounted records, %d in all", failures.size())
        .isEmpty();
    assertThat(flushed)
        .as("what is still held at the end are deadlock dumps, let go as FLUSHED")
        .allSatisfy(
            outcome -> {
              assertThat(outcome).isInstanceOf(LogEventOutcome.ErrorLine.class);
              var entry = ((LogEventOutcome.ErrorLine) outcome).entry();
              assertThat(entry.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
              assertThat(entry.getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
            });
    assertThat(router.holdsDeadlockDumps()).isFalse();
    assertThat(ingest.holdsDeadlockDumps()).isFalse();
    assertThat(counters.records()).isEqualTo(ingested);
    assertThat(sink.deadLettersWithoutReason).isZero();
    assertThat(Duration.ofNanos(slowestNanos))
        .as("the slowest record, %s", slowestCase)
        .isLessThan(SLOWEST_ALLOWED);
    if (ONLY < 0) {
      assertThat(records).isGreaterThanOrEqualTo(RECORDS);
    }
  }

  private static void check(RecordFate fate, String where, List<String> failures)
      throws IOException {
    if (fate.count() == 0) {
      failures.add(where + ": the record ended as nothing");
    }
    for (String reason : fate.deadLetterReasons()) {
      if (reason == null || reason.isBlank()) {
        failures.add(where + ": a dead letter without a reason");
      } else if (reason.startsWith("unexpected ")) {
        failures.add(where + ": a parser threw, caught only by the router: " + reason);
      }
    }
    for (LogEventOutcome outcome : fate.outcomes()) {
      // What is published must be writable as Avro, or the producer would fail on it.
      if (outcome instanceof LogEventOutcome.SlowQuery slow) {
        slow.entry().toByteBuffer();
      } else if (outcome instanceof LogEventOutcome.ErrorLine line) {
        line.entry().toByteBuffer();
      }
    }
  }

  private static void tally(RecordFate fate, Map<String, Integer> fates) {
    if (fate.recordDeadLetter() != null) {
      fates.merge("record dead-lettered", 1, Integer::sum);
    }
    if (fate.controlMessage()) {
      fates.merge("control message", 1, Integer::sum);
    }
    if (fate.rdsEvent()) {
      fates.merge("RDS event", 1, Integer::sum);
    }
    for (LogEventOutcome outcome : fate.outcomes()) {
      fates.merge(outcome.getClass().getSimpleName(), 1, Integer::sum);
    }
  }

  private static Map<String, Long> millis(Map<String, Long> nanos) {
    Map<String, Long> millis = new TreeMap<>();
    nanos.forEach((name, n) -> millis.put(name, n / 1_000_000));
    return millis;
  }

  private static Generator pick(Random random, List<Generator> generators) {
    int total = generators.stream().mapToInt(Generator::weight).sum();
    int ticket = random.nextInt(total);
    for (Generator generator : generators) {
      ticket -= generator.weight();
      if (ticket < 0) {
        return generator;
      }
    }
    throw new IllegalStateException("weights add up to " + total);
  }

  private static String preview(byte[] record) {
    return "base64 "
        + Base64.getEncoder().encodeToString(Arrays.copyOf(record, Math.min(record.length, 120)));
  }

  /** Counts what {@link SubscriptionIngest} hands on, and dead letters that give no reason. */
  private static final class CountingSink implements IngestSink {
    long published;
    long deadLetters;
    long deadLettersWithoutReason;

    @Override
    public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
      published++;
    }

    @Override
    public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
      deadLetters++;
      if (reason == null || reason.isBlank() || raw == null) {
        deadLettersWithoutReason++;
      }
    }
  }
}
