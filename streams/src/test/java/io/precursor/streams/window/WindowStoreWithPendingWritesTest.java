package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.StoreBuilderWrapper;
import org.apache.kafka.streams.processor.internals.StoreFactory;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store in a real task (TopologyTestDriver commits after every input record): a processor runs
 * the puts and reads each input record names; the value serializer tells what reached Kafka
 * Streams' store, and in which order; the changelog tells what the commit sent.
 */
class WindowStoreWithPendingWritesTest {

  private static final String STORE = "held-windows";
  private static final String CHANGELOG = "pending-writes-test-" + STORE + "-changelog";
  private static final long MINUTE = 60_000;

  /** Every value the store serialized, in order: what was written to the store it wraps. */
  private final List<String> serialized = new ArrayList<>();

  /** What the processor's reads returned, as key@minute=value. */
  private final List<String> read = new ArrayList<>();

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> commands;
  private TestOutputTopic<byte[], String> changelog;
  private boolean driverClosed;

  @BeforeEach
  void start() {
    Serde<String> recordedValues =
        Serdes.serdeFrom(
            (topic, value) -> {
              serialized.add(value);
              return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            },
            new StringDeserializer());
    Topology topology = new Topology();
    topology.addSource("commands", new StringDeserializer(), new StringDeserializer(), "commands");
    topology.addProcessor("command-runner", CommandRunner::new, "commands");
    topology.addStateStore(
        WindowStoreWithPendingWrites.builder(
                Stores.persistentWindowStore(
                    STORE, Duration.ofMinutes(10), Duration.ofMinutes(1), false),
                Serdes.String(),
                recordedValues)
            .withCachingEnabled(),
        "command-runner");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pending-writes-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, props);
    commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
    changelog =
        driver.createOutputTopic(CHANGELOG, new ByteArrayDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    if (!driverClosed) {
      driver.close();
    }
  }

  @Test
  void shouldWriteEachChangedWindowOnceInItsCommitOldestFirstWhateverTheKey() {
    // when one input record puts a window twice and others out of order
    commands.pipeInput("i", "put i 2 x; put i 0 y; put j 1 w; put i 0 z");

    // then each window reached the store once, with its last value, oldest first
    assertThat(serialized).containsExactly("z", "w", "x");
    // and the commit of that record sent them to the changelog
    assertThat(changelogRecords()).containsExactly("i@0=z", "j@1=w", "i@2=x");

    // when the next record changes one of them
    commands.pipeInput("i", "put j 1 v");

    // then only that one is written again
    assertThat(serialized).containsExactly("z", "w", "x", "v");
    assertThat(changelogRecords()).containsExactly("j@1=v");
  }

  @Test
  void shouldLetReadsSeeWhatWasPutBeforeTheCommit() {
    // given a window written by an earlier commit
    commands.pipeInput("i", "put i 0 a");
    assertThat(changelogRecords()).containsExactly("i@0=a");

    // when a record changes it and adds one, then reads them, one by one and as a range
    commands.pipeInput("i", "put i 0 b; put i 1 c; put j 1 d; get i 0; get i 1; read i 0 5");

    // then the reads saw the values last put
    assertThat(read).containsExactly("i@0=b", "i@1=c", "i@0=b", "i@1=c");
    // and each changed window was still written once
    assertThat(serialized).containsExactly("a", "b", "c", "d");
    assertThat(changelogRecords()).containsExactly("i@0=b", "i@1=c", "j@1=d");
  }

  @Test
  void shouldDropWhatItHoldsWhenClosedWithoutACommit() {
    // given a window written by a commit
    commands.pipeInput("i", "put i 0 a");
    WindowStore<String, String> store = driver.getWindowStore(STORE);

    // when it is changed and the store closed before any commit
    store.put("i", "b", 0);
    store.close();

    // then the change never reached the store it wraps, nor the changelog
    assertThat(serialized).containsExactly("a");
    driver.close();
    driverClosed = true;
    assertThat(serialized).containsExactly("a");
  }

  @Test
  void shouldStayAWindowStoreForKafkaStreamsSoItsChangelogIsDeletedPastTheRetention() {
    TimeWindows hopping =
        TimeWindows.ofSizeAndGrace(Duration.ofMinutes(10), Duration.ofMinutes(5))
            .advanceBy(Duration.ofMinutes(1));

    StoreFactory panes =
        StoreBuilderWrapper.wrapStoreBuilder(InstanceWindowAssembler.storeBuilder(hopping));

    assertThat(panes.isWindowStore()).isTrue();
    assertThat(panes.retentionPeriod()).isEqualTo(Duration.ofMinutes(15).toMillis());
    assertThat(panes.loggingEnabled()).isTrue();
  }

  /** The changelog records sent since last asked, as key@minute=value. */
  private List<String> changelogRecords() {
    List<String> records = new ArrayList<>();
    changelog
        .readKeyValuesToList()
        .forEach(
            record -> {
              // A window store's changelog key: the key's bytes, the window start, a sequence
              // number.
              ByteBuffer key = ByteBuffer.wrap(record.key);
              int keyLength = record.key.length - Long.BYTES - Integer.BYTES;
              String name = new String(record.key, 0, keyLength, StandardCharsets.UTF_8);
              long start = key.getLong(keyLength);
              records.add(name + "@" + start / MINUTE + "=" + record.value);
            });
    return records;
  }

  /**
   * Runs the commands of each record, separated by ";": {@code put KEY MINUTE VALUE}, {@code get
   * KEY MINUTE}, {@code read KEY FROM_MINUTE TO_MINUTE}.
   */
  private final class CommandRunner implements Processor<String, String, Void, Void> {
    private WindowStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      for (String command : record.value().split(";")) {
        String[] words = command.trim().split(" ");
        String key = words[1];
        long minute = Long.parseLong(words[2]);
        switch (words[0]) {
          case "put":
            store.put(key, words[3], minute * MINUTE);
            break;
          case "get":
            read.add(key + "@" + minute + "=" + store.fetch(key, minute * MINUTE));
            break;
          case "read":
            try (WindowStoreIterator<String> windows =
                store.fetch(key, minute * MINUTE, Long.parseLong(words[3]) * MINUTE)) {
              windows.forEachRemaining(
                  window -> read.add(key + "@" + window.key / MINUTE + "=" + window.value));
            }
            break;
          default:
            throw new IllegalArgumentException("unknown command " + command);
        }
      }
    }
  }
}
