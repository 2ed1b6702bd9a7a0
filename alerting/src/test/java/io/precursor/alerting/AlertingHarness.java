package io.precursor.alerting;

import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the alerting ITs share: a topic scope of their own on the test broker, producing inputs,
 * reading what alerting wrote, and running services on threads that are stopped after the test.
 */
public final class AlertingHarness implements AutoCloseable {

  public final TestBroker broker;
  public final KafkaTestClients clients;
  public final String scope;
  public final Map<String, Object> props = new HashMap<>();
  public final Topics topics;
  private final ExecutorService runner = Executors.newCachedThreadPool();
  private final Map<AlertingService, Future<?>> services = new HashMap<>();

  public AlertingHarness(TestBroker broker, KafkaTestClients clients, String name, int partitions) {
    this.broker = broker;
    this.clients = clients;
    this.scope = UniqueNames.topic(name);
    props.put(TopicsConfig.TOPIC_PREFIX, scope + ".");
    props.put(TopicsConfig.PARTITIONS, partitions);
    props.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    props.put(AlertingConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    props.put(AlertingConfig.GROUP_ID, UniqueNames.groupId(name));
    topics = new Topics(new TopicsConfig(props));
    for (Topic<?, ?> topic : topics.all()) {
      clients.createTopic(topic.name(), topic.partitions(), topic.configs());
    }
  }

  /** Runs {@code service} on a thread of its own until {@link #stop} or the end of the test. */
  public AlertingService run(AlertingService service) {
    services.put(service, runner.submit(service));
    return service;
  }

  /** Closes the service and checks its loop ended without an error. */
  public void stop(AlertingService service) throws Exception {
    service.close();
    services.remove(service).get(60, TimeUnit.SECONDS);
  }

  public <V> void produce(Topic<String, V> topic, Integer partition, String key, V value)
      throws Exception {
    try (var producer =
        new KafkaProducer<>(
            producerProps(), new StringSerializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), partition, key, value)).get();
    }
  }

  public <V> void produceAll(Topic<String, V> topic, List<Map.Entry<String, V>> records)
      throws Exception {
    try (var producer =
        new KafkaProducer<>(
            producerProps(), new StringSerializer(), topic.valueSerde().serializer())) {
      for (var record : records) {
        producer.send(new ProducerRecord<>(topic.name(), record.getKey(), record.getValue()));
      }
      producer.flush();
    }
  }

  private Map<String, Object> producerProps() {
    Map<String, Object> config = clients.producerConfig();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }

  /** Waits until the topic holds at least {@code count} records and returns their values. */
  public <V> List<V> awaitValues(Topic<String, V> topic, int count) {
    return clients
        .consumeUntil(
            topic.name(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer(),
            seen -> seen.size() >= count,
            Duration.ofSeconds(90))
        .stream()
        .map(ConsumerRecord::value)
        .toList();
  }

  /** Everything on the topic right now. */
  public <V> List<V> readAll(Topic<String, V> topic) {
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

  /** The offsets {@code group} committed on {@code topic}, summed over its partitions. */
  public long committed(String group, Topic<?, ?> topic) throws Exception {
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic.name()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  @Override
  public void close() {
    services.keySet().forEach(AlertingService::close);
    runner.shutdownNow();
  }
}
