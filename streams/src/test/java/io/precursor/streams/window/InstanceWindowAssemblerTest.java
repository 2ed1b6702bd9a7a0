package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The assembler against Kafka Streams' own windowed aggregate over the same input: every record
 * must update the same windows, to the same contents, including out of order and past the grace.
 */
class InstanceWindowAssemblerTest {

  private static final long T0 = 1_794_906_000_000L; // 2026-11-17T09:00:00Z, a whole minute
  private static final long MINUTE = 60_000;
  private static final TimeWindows HOPPING =
      TimeWindows.ofSizeAndGrace(Duration.ofMinutes(10), Duration.ofMinutes(5))
          .advanceBy(Duration.ofMinutes(1));

  /** The signals fed, by index: the topic carries only the index. */
  private final List<InstanceSignal> signals = new ArrayList<>();

  private final List<String> aggregated = new ArrayList<>();
  private final List<String> assembled = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Integer> input;

  /** Starts both; {@code cachedInstances} 1 makes the assembler read its store for most signals. */
  void start(int cachedInstances) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Integer> indexes =
        builder.stream("signals", Consumed.with(Serdes.String(), Serdes.Integer()));
    // What the topology did before: every window a record falls in, aggregated and stored whole.
    indexes
        .groupByKey(Grouped.with(Serdes.String(), Serdes.Integer()))
        .windowedBy(HOPPING)
        .aggregate(
            InstanceWindow::new,
            (instance, i, window) -> window.add(signals.get(i)),
            Materialized
                .<String, InstanceWindow,
                    org.apache.kafka.streams.state.WindowStore<
                        org.apache.kafka.common.utils.Bytes, byte[]>>
                    as("whole-windows")
                .withKeySerde(Serdes.String())
                .withValueSerde(new InstanceWindowSerde())
                .withCachingDisabled())
        .toStream()
        .foreach((window, contents) -> aggregated.add(describe(window, contents)));
    builder.addStateStore(InstanceWindowAssembler.storeBuilder(HOPPING));
    indexes
        .mapValues(signals::get)
        .process(
            () -> new InstanceWindowAssembler(HOPPING, cachedInstances),
            InstanceWindowAssembler.STORE)
        .foreach(
            (instance, updates) ->
                updates
                    .windows()
                    .forEach(
                        u ->
                            assembled.add(
                                describe(new Windowed<>(instance, u.window()), u.contents()))));

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "assembler-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props);
    input = driver.createInputTopic("signals", new StringSerializer(), new IntegerSerializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1_000})
  void shouldUpdateTheSameWindowsAsAWindowedAggregateOnShuffledLateInput(int cachedInstances) {
    start(cachedInstances);
    // given 20 minutes of signals on two instances, shuffled up to 8 minutes (past the 5-minute
    // grace), with revised datapoints, redelivered slow queries and error-log entries
    Random random = new Random(20261123);
    Set<Long> runLengths = new HashSet<>();
    for (int n = 0; n < 800; n++) {
      String instance = random.nextBoolean() ? "ads-prod-1" : "ads-prod-2";
      long time = T0 + n * 1_500L - random.nextInt(8) * MINUTE;
      signals.add(randomSignal(random, time, runLengths));
      input.pipeInput(instance, n, signals.get(n).time());
    }

    // then both made the same updates in the same order
    assertThat(aggregated).hasSizeGreaterThan(5_000);
    assertThat(assembled).containsExactlyElementsOf(aggregated);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1_000})
  void shouldHoldWhatMergingThePanesAgainGivesPastEveryBoundOfAWindow(int cachedInstances) {
    start(cachedInstances);
    // given 15 minutes of signals on one instance, late by up to 4 minutes (within the grace, so
    // every window a signal falls in is open): about 250 fingerprints (past the 200 a window
    // keeps),
    // long scans (past the 32 run intervals a fingerprint keeps), datapoints sent again in a later
    // pane than their own time, and a second name for the cluster
    Random random = new Random(20261124);
    Set<Long> runLengths = new HashSet<>();
    TreeMap<Long, InstanceWindow> panes = new TreeMap<>();
    List<String> mergedAgain = new ArrayList<>();
    for (int n = 0; n < 700; n++) {
      long time = T0 + 10 * MINUTE + n * 750L - random.nextInt(4) * MINUTE;
      String cluster = random.nextInt(20) == 0 ? "ads-prod-b" : "ads-prod";
      InstanceSignal signal;
      int kind = random.nextInt(10);
      if (kind < 3) {
        long minute = time - Math.floorMod(time, MINUTE) - random.nextInt(2) * MINUTE;
        signal =
            new InstanceSignal(
                cluster,
                null,
                new InstanceSignal.Metric("FreeableMemory", minute, random.nextDouble() * 100));
      } else {
        long runMillis;
        do {
          runMillis = 500 + random.nextInt(60_000);
        } while (!runLengths.add(runMillis));
        InstanceSignal query =
            InstanceWindowSerdeTest.slowQuery(
                time,
                "SELECT",
                "orders",
                kind < 7 ? 1 + random.nextInt(500) : 1_000 + random.nextInt(2),
                50_000,
                runMillis / 1000.0);
        signal = new InstanceSignal(cluster, query.slowQuery(), null);
      }

      // when the assembler takes it, stamped with when it came
      signals.add(signal);
      input.pipeInput("ads-prod-1", signals.size() - 1, time);

      // the windows as merged afresh from every pane, the signal added to its own
      long paneStart = time - Math.floorMod(time, MINUTE);
      panes.computeIfAbsent(paneStart, p -> new InstanceWindow()).add(signal);
      for (Window window : new TreeMap<>(HOPPING.windowsFor(time)).values()) {
        mergedAgain.add(
            describe(
                new Windowed<>("ads-prod-1", window),
                InstanceWindow.merged(
                    panes.subMap(window.start(), true, window.end() - 1, true).values())));
      }
    }

    // then every window it passed on held the same as merging its panes again
    assertThat(assembled).hasSize(mergedAgain.size()).containsExactlyElementsOf(mergedAgain);
  }

  @Test
  void shouldCountASignalInEveryOpenWindowOnceAndDropOnePastEveryGrace() {
    start(1_000);
    // given a signal at 5.5 min, then stream time at 16 min
    pipe("ads-prod-1", query(T0 + 5 * MINUTE + 30_000));
    pipe("ads-prod-1", metric(T0 + 16 * MINUTE, 1.0));
    assembled.clear();

    // when one arrives at 6.5 min (windows from 2 min on are open: 16 - 5 grace < their end) and
    // one at 0.5 min (every window holding it closed)
    pipe("ads-prod-1", query(T0 + 6 * MINUTE + 30_000));
    double droppedBefore = droppedRecords();
    pipe("ads-prod-1", query(T0 + 30_000));

    // then only the open windows were updated, each once: those from 2 to 5 min hold both
    // queries, the one from 6 min only the new one; nothing for the query past every grace
    assertThat(assembled).hasSize(5);
    assertThat(assembled.subList(0, 4)).allSatisfy(line -> assertThat(line).contains(" n=2 "));
    assertThat(assembled.get(4)).contains(" n=1 ");
    assertThat(assembled.get(0)).startsWith((T0 + 2 * MINUTE) + "-" + (T0 + 12 * MINUTE));
    assertThat(assembled.get(4)).startsWith((T0 + 6 * MINUTE) + "-" + (T0 + 16 * MINUTE));
    assertThat(assembled)
        .containsExactlyElementsOf(aggregated.subList(aggregated.size() - 5, aggregated.size()));
    // and the task's dropped-records meter counted it: Kafka Streams' windowed aggregate once for
    // each of the 10 closed windows it falls in, the assembler once for the signal
    assertThat(droppedRecords() - droppedBefore).isEqualTo(10.0 + 1.0);
  }

  private double droppedRecords() {
    return driver.metrics().values().stream()
        .filter(m -> m.metricName().name().equals("dropped-records-total"))
        .filter(m -> m.metricName().group().equals("stream-task-metrics"))
        .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
        .sum();
  }

  private void pipe(String instance, InstanceSignal signal) {
    signals.add(signal);
    input.pipeInput(instance, signals.size() - 1, signal.time());
  }

  private static String describe(Windowed<String> window, InstanceWindow contents) {
    return window.window().start()
        + "-"
        + window.window().end()
        + " "
        + window.key()
        + " "
        + WindowContents.of(contents);
  }

  private static InstanceSignal query(long end) {
    return InstanceWindowSerdeTest.slowQuery(end, "SELECT", "orders", 7L, 20_000, 2.0);
  }

  private static InstanceSignal metric(long time, double value) {
    return new InstanceSignal("ads-prod", null, new InstanceSignal.Metric("CPU", time, value));
  }

  private static InstanceSignal randomSignal(Random random, long time, Set<Long> runLengths) {
    int kind = random.nextInt(10);
    if (kind < 5) {
      // Datapoints on whole minutes, so a later one for the same minute revises it.
      String[] names = {"CPUUtilization", "FreeableMemory", "DiskQueueDepth"};
      return new InstanceSignal(
          "ads-prod",
          null,
          new InstanceSignal.Metric(
              names[random.nextInt(names.length)],
              time - Math.floorMod(time, MINUTE),
              random.nextDouble() * 100));
    }
    if (kind < 9) {
      String[] kinds = {"SELECT", "DELETE", "INSERT"};
      String[] tables = {"orders", "items", "clients"};
      // Distinct run lengths: which of two equally long runs is dropped past the cap is arbitrary.
      long runMillis;
      do {
        runMillis = 500 + random.nextInt(30_000);
      } while (!runLengths.add(runMillis));
      // A fingerprint is one statement: its hash fixes its kind and table.
      int fingerprint = random.nextInt(6);
      return InstanceWindowSerdeTest.slowQuery(
          time,
          kinds[fingerprint % kinds.length],
          tables[fingerprint / 2],
          1 + fingerprint,
          random.nextBoolean() ? 50_000 : 100,
          runMillis / 1000.0);
    }
    return new InstanceSignal(
        "ads-prod",
        null,
        null,
        new InstanceSignal.ErrorLog(
            time, random.nextBoolean() ? "DEADLOCK" : "OUT_OF_MEMORY", List.of("orders")),
        null);
  }
}
