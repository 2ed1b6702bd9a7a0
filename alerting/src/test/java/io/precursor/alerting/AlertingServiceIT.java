package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.ActionType;
import io.precursor.schemas.DeadLetter;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Severity;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBrokerExtension.class)
class AlertingServiceIT {

  private final TestBroker broker;
  private final KafkaTestClients clients;

  private final ExecutorService runner = Executors.newCachedThreadPool();
  private final Map<AlertingService, Future<?>> services = new HashMap<>();
  private LocalSlackWebhook slack;
  private String scope;
  private Map<String, Object> props;
  private Topics topics;

  AlertingServiceIT(TestBroker broker, KafkaTestClients clients) {
    this.broker = broker;
    this.clients = clients;
  }

  @BeforeEach
  void setUp() {
    slack = LocalSlackWebhook.start();
    scope = UniqueNames.topic("alerting-it");
    props = new HashMap<>();
    props.put(TopicsConfig.TOPIC_PREFIX, scope + ".");
    props.put(TopicsConfig.PARTITIONS, 2);
    props.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    props.put(AlertingConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    props.put(AlertingConfig.GROUP_ID, UniqueNames.groupId("alerting"));
    props.put(AlertingConfig.WEBHOOK_URL, slack.url().toString());
    props.put(AlertingConfig.WEBHOOK_NAME, "ops");
    topics = new Topics(new TopicsConfig(props));
    for (Topic<?, ?> topic : topics.all()) {
      clients.createTopic(topic.name(), topic.partitions(), topic.configs());
    }
  }

  @AfterEach
  void tearDown() {
    services.keySet().forEach(AlertingService::close);
    runner.shutdownNow();
    slack.close();
  }

  @Test
  void shouldPostAPrecursorOnceRecordItAndPostNothingAgainAfterARestart() throws Exception {
    FailoverPrecursor precursor = Samples.precursor().build();
    produce(topics.precursors(), precursor.getInstance(), precursor);
    List<DeliveredAlert> delivered = new CopyOnWriteArrayList<>();

    AlertingService first = create(props);
    first.onDelivered(delivered::add);
    run(first);

    await().atMost(Duration.ofSeconds(60)).until(() -> slack.received().size() == 1);
    List<ActionRecord> actions = awaitValues(topics.actions(), 1);
    ActionRecord action = actions.get(0);
    assertThat(action.getIdempotencyKey()).isEqualTo(precursor.getId() + "|CRITICAL|ops");
    assertThat(action.getAction()).isEqualTo(ActionType.SLACK_MESSAGE);
    assertThat(action.getTarget()).isEqualTo("ops");
    assertThat(action.getSubjectId()).isEqualTo(precursor.getId());
    assertThat(action.getOutcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(action.getAttempts()).isEqualTo(1);
    assertThat(action.toString()).doesNotContain(slack.url().getPath());
    await().until(() -> delivered.size() == 1);
    assertThat(delivered.get(0).alert().message().toJson()).isEqualTo(slack.received().get(0));
    stop(first);

    // Same group: the committed offset is past the precursor; a new one proves the loop runs.
    FailoverPrecursor next = Samples.precursor().setId("ads-prod-1/FULL_SCAN_STORM/x").build();
    produce(topics.precursors(), next.getInstance(), next);
    AlertingService second = start(props);
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.received().size() == 2);
    assertThat(slack.received().get(1)).contains("ads-prod-1/FULL_SCAN_STORM/x");
    stop(second);

    // A new group (as if offsets were lost) reads both again: the actions topic stops the repost.
    Map<String, Object> lostOffsets = new HashMap<>(props);
    lostOffsets.put(AlertingConfig.GROUP_ID, UniqueNames.groupId("alerting-again"));
    AlertingService third = start(lostOffsets);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> third.counters().duplicatesSkipped() + third.counters().delivered() == 2);
    assertThat(third.counters().duplicatesSkipped()).isEqualTo(2);
    assertThat(third.counters().delivered()).isZero();
    assertThat(slack.received()).hasSize(2);
    assertThat(readAll(topics.actions())).hasSize(2);
  }

  @Test
  void shouldSetAsideAnUnreadableRecordAndGoOn() throws Exception {
    try (var raw = new KafkaProducer<byte[], byte[]>(producerProps(ByteArraySerializer.class))) {
      raw.send(
              new ProducerRecord<>(
                  topics.precursors().name(), 0, null, "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    FailoverPrecursor good = Samples.precursor().build();
    produceTo(topics.precursors(), 0, good.getInstance(), good);
    FailoverPrecursor quiet = Samples.precursor().setId("quiet").setSeverity(Severity.INFO).build();
    produceTo(topics.precursors(), 0, quiet.getInstance(), quiet);

    AlertingService service = start(props);

    await().atMost(Duration.ofSeconds(60)).until(() -> service.counters().recordsRead() == 3);
    await().until(() -> slack.received().size() == 1);
    List<DeadLetter> letters = awaitValues(topics.deadLetters(Topics.Stage.ALERTING), 1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.getStage()).isEqualTo("alerting");
    assertThat(letter.getSource()).isEqualTo(topics.precursors().name() + "-0@0");
    assertThat(letter.getReason()).startsWith("cannot read the precursor");
    assertThat(StandardCharsets.UTF_8.decode(letter.getRaw()).toString()).isEqualTo("not avro");
    assertThat(service.counters().deadLettered()).isEqualTo(1);
    assertThat(service.counters().belowSeverity()).isEqualTo(1);
    assertThat(service.counters().delivered()).isEqualTo(1);
  }

  @Test
  void shouldRecordAFailedPostAndMoveOn() throws Exception {
    slack.enqueueResponse(400, "invalid_payload", Map.of());
    FailoverPrecursor rejected = Samples.precursor().setId("rejected").build();
    produceTo(topics.precursors(), 1, rejected.getInstance(), rejected);
    FailoverPrecursor accepted = Samples.precursor().setId("accepted").build();
    produceTo(topics.precursors(), 1, accepted.getInstance(), accepted);

    AlertingService service = start(props);

    List<ActionRecord> actions = awaitValues(topics.actions(), 2);
    Map<String, ActionRecord> bySubject = new HashMap<>();
    actions.forEach(a -> bySubject.put(a.getSubjectId(), a));
    assertThat(bySubject.get("rejected").getOutcome()).isEqualTo(ActionOutcome.FAILED);
    assertThat(bySubject.get("rejected").getDetail()).isEqualTo("HTTP 400 invalid_payload");
    assertThat(bySubject.get("accepted").getOutcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(slack.received()).hasSize(1).allMatch(body -> body.contains("`accepted`"));
    assertThat(service.counters().failed()).isEqualTo(1);
  }

  private AlertingService start(Map<String, Object> config) {
    return run(create(config));
  }

  private AlertingService create(Map<String, Object> config) {
    return new AlertingService(new AlertingConfig(config), topics);
  }

  private AlertingService run(AlertingService service) {
    services.put(service, runner.submit(service));
    return service;
  }

  // Closes the service and checks its loop ended without an error.
  private void stop(AlertingService service) throws Exception {
    service.close();
    services.remove(service).get(30, TimeUnit.SECONDS);
  }

  private <V> void produce(Topic<String, V> topic, String key, V value) throws Exception {
    produceTo(topic, null, key, value);
  }

  private <V> void produceTo(Topic<String, V> topic, Integer partition, String key, V value)
      throws Exception {
    try (var producer =
        new KafkaProducer<>(
            producerProps(StringSerializer.class),
            new StringSerializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), partition, key, value)).get();
    }
  }

  private Map<String, Object> producerProps(Class<?> serializer) {
    Map<String, Object> config = clients.producerConfig();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, serializer);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer);
    return config;
  }

  // Waits until the topic holds at least `count` records and returns their values.
  private <V> List<V> awaitValues(Topic<String, V> topic, int count) {
    return clients
        .consumeUntil(
            topic.name(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer(),
            seen -> seen.size() >= count,
            Duration.ofSeconds(60))
        .stream()
        .map(ConsumerRecord::value)
        .toList();
  }

  // Everything on the topic right now, to prove nothing more was written.
  private <V> List<V> readAll(Topic<String, V> topic) {
    try (var consumer =
        new KafkaConsumer<>(
            clients.consumerConfig(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      var partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      List<V> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      return values;
    }
  }
}
