package io.precursor.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store in a real task (TopologyTestDriver commits after every input record, exactly once): a
 * processor runs the puts, deletes and reads each input record names; the value serializer tells
 * what reached Kafka Streams' store; the changelog tells what the commit sent.
 */
class KeyValueStoreWithPendingWritesTest {

  private static final String STORE = "held-values";
  private static final String CHANGELOG = "pending-kv-test-" + STORE + "-changelog";

  /** Every value the store serialized, in order: what was written to the store it wraps. */
  private final List<String> serialized = new ArrayList<>();

  /** Every value the store deserialized: what was read from the store it wraps. */
  private final List<String> decoded = new ArrayList<>();

  /** What the processor's reads returned, as key=value. */
  private final List<String> read = new ArrayList<>();

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> commands;
  private TestOutputTopic<String, String> changelog;
  private boolean driverClosed;

  @BeforeEach
  void start() {
    Serde<String> recordedValues =
        Serdes.serdeFrom(
            (topic, value) -> {
              serialized.add(value);
              return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            },
            (topic, bytes) -> {
              String value = new StringDeserializer().deserialize(topic, bytes);
              decoded.add(value);
              return value;
            });
    Topology topology = new Topology();
    topology.addSource("commands", new StringDeserializer(), new StringDeserializer(), "commands");
    topology.addProcessor("command-runner", CommandRunner::new, "commands");
    topology.addStateStore(
        KeyValueStoreWithPendingWrites.builder(
            Stores.inMemoryKeyValueStore(STORE), Serdes.String(), recordedValues, 2),
        "command-runner");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pending-kv-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, props);
    commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
    changelog =
        driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    if (!driverClosed) {
      driver.close();
    }
  }

  @Test
  void shouldWriteEachChangedKeyOnceInItsCommitWithTheValueLastPut() {
    // when one input record puts a key three times and another once
    commands.pipeInput("i", "put a 1; put b 2; put a 3; put a 4");

    // then each reached the store once, with its last value
    assertThat(serialized).containsExactlyInAnyOrder("4", "2");
    // and the commit of that record sent them to the changelog
    assertThat(changelog.readKeyValuesToMap()).containsOnly(entry("a", "4"), entry("b", "2"));

    // when the next record changes one of them
    serialized.clear();
    commands.pipeInput("i", "put b 5");

    // then only that one is written again
    assertThat(serialized).containsExactly("5");
    assertThat(changelog.readKeyValuesToList()).containsExactly(new KeyValue<>("b", "5"));
  }

  @Test
  void shouldLetReadsSeeWhatWasPutBeforeTheCommitWithoutDecodingIt() {
    // given a key written by an earlier commit
    commands.pipeInput("i", "put a 1");
    serialized.clear();
    changelog.readKeyValuesToList();

    // when a record changes it and adds one, then reads them one by one and as a range
    commands.pipeInput("i", "put a 2; put b 3; get a; get b; get c; scan");

    // then the reads saw the values last put, and no read wrote anything early but the scan
    assertThat(read).containsExactly("a=2", "b=3", "c=null", "a=2", "b=3");
    assertThat(serialized).containsExactlyInAnyOrder("2", "3");
    assertThat(changelog.readKeyValuesToMap()).containsOnly(entry("a", "2"), entry("b", "3"));
  }

  @Test
  void shouldHoldTheLastValuesWrittenOrReadDecodedAfterTheCommit() {
    // given three keys written by three commits, one after the other, with two held
    commands.pipeInput("i", "put a 1");
    commands.pipeInput("i", "put b 2");
    commands.pipeInput("i", "put c 3");

    // when the last two are read, then the first, then the first again
    commands.pipeInput("i", "get b; get c; get a; get a");

    // then only the first was decoded, once: the least recently used, it was no longer held
    assertThat(read).containsExactly("b=2", "c=3", "a=1", "a=1");
    assertThat(decoded).containsExactly("1");

    // and a key deleted reads as gone, after the commit too, without reaching the store it wraps
    read.clear();
    commands.pipeInput("i", "delete a; get a");
    decoded.clear();
    commands.pipeInput("i", "get a");
    assertThat(read).containsExactly("a=null", "a=null");
    assertThat(decoded).isEmpty();
  }

  @Test
  void shouldDeleteAtOnceAndForgetWhatWasHeldForTheKey() {
    // given a key written by a commit
    commands.pipeInput("i", "put a 1");
    changelog.readKeyValuesToList();

    // when a record puts it again, then deletes it, and puts another key
    commands.pipeInput("i", "put a 2; delete a; put b 3; get a");

    // then the held value was not written after the delete: the key is gone
    assertThat(read).containsExactly("a=null");
    assertThat(changelog.readKeyValuesToList())
        .containsExactly(new KeyValue<>("a", null), new KeyValue<>("b", "3"));
    KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
    assertThat(store.get("a")).isNull();
    assertThat(store.get("b")).isEqualTo("3");
  }

  @Test
  void shouldDropWhatItHoldsWhenClosedWithoutACommit() {
    // given a key written by a commit
    commands.pipeInput("i", "put a 1");
    KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);

    // when it is changed and the store closed before any commit
    store.put("a", "2");
    store.close();

    // then the change never reached the store it wraps, nor will it at the driver's close
    assertThat(serialized).containsExactly("1");
    driver.close();
    driverClosed = true;
    assertThat(serialized).containsExactly("1");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  /**
   * Runs the commands of each record, separated by ";": {@code put KEY VALUE}, {@code delete KEY},
   * {@code get KEY}, {@code scan}.
   */
  private final class CommandRunner implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      for (String command : record.value().split(";")) {
        String[] words = command.trim().split(" ");
        switch (words[0]) {
          case "put" -> store.put(words[1], words[2]);
          case "delete" -> store.delete(words[1]);
          case "get" -> read.add(words[1] + "=" + store.get(words[1]));
          case "scan" -> {
            try (KeyValueIterator<String, String> all = store.all()) {
              all.forEachRemaining(kv -> read.add(kv.key + "=" + kv.value));
            }
          }
          default -> throw new IllegalArgumentException("unknown command " + command);
        }
      }
    }
  }
}
