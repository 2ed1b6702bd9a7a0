package io.precursor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldAcceptConnectionsOnlyOnTheLoopbackAddress() throws IOException {
    int port = port(broker.bootstrapServers());

    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      assertThat(socket.isConnected()).isTrue();
    }
    // 127.0.0.2 is loopback too, but only a wildcard bind would accept it.
    assertThatThrownBy(() -> new Socket("127.0.0.2", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void shouldDeliverEveryRecordOfAnIdempotentProducerInOrder() throws Exception {
    String topic = createTopic();
    List<String> sent = List.of("r0", "r1", "r2", "r3", "r4");

    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (String value : sent) {
        producer.send(new ProducerRecord<>(topic, "key", value)).get();
      }
    }

    assertThat(values(consumeAtLeast(topic, "read_committed", sent.size())))
        .containsExactlyElementsOf(sent);
  }

  @Test
  void shouldShowReadCommittedConsumersOnlyCommittedTransactions() throws Exception {
    String topic = createTopic();

    try (KafkaProducer<String, String> producer =
        producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed-3"));
      producer.commitTransaction();
    }

    // The aborted record did reach the log: an uncommitted reader sees it, a committed one not.
    assertThat(values(consumeAtLeast(topic, "read_uncommitted", 4)))
        .containsExactly("committed-1", "committed-2", "aborted", "committed-3");
    assertThat(values(consumeAtLeast(topic, "read_committed", 3)))
        .containsExactly("committed-1", "committed-2", "committed-3");
  }

  @Test
  void shouldRunAnExactlyOnceStreamsAppWithAStateStore(@TempDir Path stateDir) throws Exception {
    String input = createTopic();
    String output = createTopic();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey(Grouped.with("by-key", Serdes.String(), Serdes.String()))
        .count(
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts")
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as("counts-out"))
        .mapValues(Object::toString, Named.as("count-as-text"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()));
    Properties streamsConfig = new Properties();
    streamsConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-it-" + UUID.randomUUID());
    streamsConfig.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    streamsConfig.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    streamsConfig.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

    try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      streams.start();
      for (String key : List.of("a", "b", "a", "a")) {
        producer.send(new ProducerRecord<>(input, key, "event")).get();
      }

      List<ConsumerRecord<String, String>> counts =
          consumeUntil(output, "read_committed", seen -> lastValue(seen, "a").equals("3"));
      assertThat(lastValue(counts, "b")).isEqualTo("1");
      streams.close(TIMEOUT);
    }
  }

  @Test
  void shouldStopListeningAndDeleteItsDirectoryWhenClosed() {
    EmbeddedKafkaBroker other = EmbeddedKafkaBroker.start();
    int port = port(other.bootstrapServers());
    assertThat(other.directory()).isDirectory();

    other.close();
    other.close();

    assertThat(other.directory()).doesNotExist();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  private static String createTopic() throws Exception {
    String topic = "embedded-it-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> consumeAtLeast(
      String topic, String isolationLevel, int count) {
    return consumeUntil(topic, isolationLevel, seen -> seen.size() >= count);
  }

  private static List<ConsumerRecord<String, String>> consumeUntil(
      String topic, String isolationLevel, Predicate<List<ConsumerRecord<String, String>>> done) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "embedded-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolationLevel);
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(TIMEOUT)
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return done.test(seen);
              });
    }
    return seen;
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  private static String lastValue(List<ConsumerRecord<String, String>> records, String key) {
    return records.stream()
        .filter(record -> record.key().equals(key))
        .reduce((first, second) -> second)
        .map(ConsumerRecord::value)
        .orElse("");
  }

  private static int port(String bootstrapServers) {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }
}
