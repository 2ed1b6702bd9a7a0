package io.precursor.alerting;

import io.precursor.alerting.action.ActionLog;
import io.precursor.alerting.action.CompletedActions;
import io.precursor.alerting.slack.DeliveryOutcome;
import io.precursor.alerting.slack.SlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.ActionType;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting stage: reads precursors and incidents, posts each one to Slack once, audits every
 * post on the actions topic and sets unreadable records aside on its dead-letter topic.
 */
public final class AlertingService implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertingService.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  // Each record may wait on Slack (rate limit, retries): keep batches small so a poll comes soon.
  private static final int MAX_POLL_RECORDS = 10;

  private final Topics topics;
  private final SlackWebhook webhook;
  private final AlertPolicy policy;
  private final List<String> sources;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final ActionLog actionLog;
  private final DeadLetterWriter deadLetters;
  private final Clock clock;
  private final Duration closeTimeout;
  private final AlertingCounters counters = new AlertingCounters();
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private final List<java.util.function.Consumer<DeliveredAlert>> listeners =
      new CopyOnWriteArrayList<>();
  private final PartitionAssignment assignment = new PartitionAssignment();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private CompletedActions completed;

  /** A service posting to the webhook {@code config} names. */
  public AlertingService(AlertingConfig config, Topics topics) {
    this(
        config,
        topics,
        new SlackWebhook(config.webhookName(), config.webhookUrl(), config.webhookSettings()));
  }

  /** A service posting through {@code webhook} (e.g. one with a test clock). */
  public AlertingService(AlertingConfig config, Topics topics, SlackWebhook webhook) {
    this.topics = topics;
    this.webhook = webhook;
    this.policy = new AlertPolicy(config.minSeverity(), webhook.name());
    this.sources =
        config.postIncidents()
            ? List.of(topics.precursors().name(), topics.incidents().name())
            : List.of(topics.precursors().name());
    this.clock = Clock.systemUTC();
    this.consumer = new KafkaConsumer<>(consumerProperties(config, webhook.name()));
    this.producer = new KafkaProducer<>(producerProperties(config, webhook.name()));
    this.actionLog = new ActionLog(producer, topics.actions());
    this.deadLetters = new DeadLetterWriter(producer, topics, clock);
    var retry = config.webhookSettings().retry();
    // Enough for the in-flight post to finish its retries and be recorded.
    this.closeTimeout =
        retry
            .maxElapsed()
            .plus(config.webhookSettings().requestTimeout())
            .plus(Duration.ofSeconds(30));
  }

  /** Calls {@code listener} with each alert Slack accepted, on the service thread. */
  public void onDelivered(java.util.function.Consumer<DeliveredAlert> listener) {
    listeners.add(listener);
  }

  /** True once the consumer group gave this instance its partitions, until they are revoked. */
  public boolean assigned() {
    return assignment.assigned();
  }

  Consumer<byte[], byte[]> consumer() {
    return consumer;
  }

  Producer<byte[], byte[]> producer() {
    return producer;
  }

  SlackWebhook webhook() {
    return webhook;
  }

  /** What the service has done so far. */
  public AlertingCounters counters() {
    return counters;
  }

  /**
   * Reads the actions already done, then consumes until {@link #close()}; returns normally on close
   * and throws when Kafka fails in a way that makes going on unsafe.
   */
  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("an AlertingService runs once");
    }
    try {
      completed = CompletedActions.load(consumer, topics.actions(), webhook.name(), LOAD_TIMEOUT);
      consumer.subscribe(sources, assignment);
      log.info("Alerting started: reading {}, posting to webhook {}", sources, webhook.name());
      while (!closing.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (closing.get()) {
            break; // finish the in-flight record only; the rest is read again after a restart
          }
          handle(record);
        }
        commitPending();
      }
    } catch (WakeupException e) {
      if (!closing.get()) {
        throw e;
      }
    } finally {
      shutDown();
    }
  }

  /** Stops the loop after the in-flight record, commits what was done, and closes the clients. */
  @Override
  public void close() {
    closing.set(true);
    if (started.compareAndSet(false, true)) {
      closeClients();
      stopped.countDown();
      return;
    }
    consumer.wakeup();
    try {
      if (!stopped.await(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Alerting did not stop within {}", closeTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    counters.countRead();
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
    Optional<Alert> alert;
    try {
      alert = alertFor(record);
    } catch (UnusableRecord e) {
      log.warn("Setting aside {}: {}", DeadLetterWriter.source(record), e.getMessage());
      deadLetters.write(record, e.getMessage(), e.getCause());
      counters.countDeadLetter();
      pending.put(partition, next);
      commitPending();
      return;
    }
    pending.put(partition, next);
    if (alert.isEmpty()) {
      return;
    }
    String key = alert.get().idempotencyKey();
    if (completed.contains(key)) {
      counters.countDuplicate();
      return;
    }
    DeliveryOutcome outcome = webhook.post(alert.get().message());
    counters.countSlackOutcome(outcome);
    actionLog.append(actionRecord(alert.get(), outcome));
    if (outcome.delivered()) {
      completed.add(key);
      counters.countDelivered();
      notifyDelivered(new DeliveredAlert(alert.get(), outcome));
    } else {
      counters.countFailed();
    }
    commitPending();
  }

  // Empty when there is nothing to post: a tombstone, or a precursor under the minimum severity.
  private Optional<Alert> alertFor(ConsumerRecord<byte[], byte[]> record) throws UnusableRecord {
    if (record.value() == null) {
      return Optional.empty();
    }
    if (record.topic().equals(topics.precursors().name())) {
      FailoverPrecursor precursor =
          decode(topics.precursors().valueSerde().deserializer(), record, "precursor");
      Optional<Alert> alert = build(() -> policy.forPrecursor(precursor));
      if (alert.isEmpty()) {
        counters.countBelowSeverity();
      }
      return alert;
    }
    if (record.topic().equals(topics.incidents().name())) {
      Incident incident =
          decode(topics.incidents().valueSerde().deserializer(), record, "incident");
      return build(() -> policy.forIncident(incident));
    }
    throw new UnusableRecord("alerting does not read topic " + record.topic(), null);
  }

  private static <T> T decode(
      Deserializer<T> deserializer, ConsumerRecord<byte[], byte[]> record, String what)
      throws UnusableRecord {
    try {
      T value = deserializer.deserialize(record.topic(), record.value());
      if (value == null) {
        throw new UnusableRecord("the " + what + " decoded to nothing", null);
      }
      return value;
    } catch (RuntimeException e) {
      throw new UnusableRecord("cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Alert> build(java.util.function.Supplier<Optional<Alert>> builder)
      throws UnusableRecord {
    try {
      return builder.get();
    } catch (RuntimeException e) {
      throw new UnusableRecord("cannot build the Slack message: " + e, e);
    }
  }

  private ActionRecord actionRecord(Alert alert, DeliveryOutcome outcome) {
    return ActionRecord.newBuilder()
        .setIdempotencyKey(alert.idempotencyKey())
        .setAction(ActionType.SLACK_MESSAGE)
        .setTarget(webhook.name())
        .setSubjectId(alert.subjectId())
        .setOutcome(outcome.delivered() ? ActionOutcome.SUCCEEDED : ActionOutcome.FAILED)
        .setAttempts(outcome.attempts())
        .setDetail(outcome.reason())
        .setTime(clock.instant())
        .build();
  }

  private void notifyDelivered(DeliveredAlert delivered) {
    for (var listener : listeners) {
      try {
        listener.accept(delivered);
      } catch (RuntimeException e) {
        log.warn("An onDelivered listener failed; alerting goes on", e);
      }
    }
  }

  private void commitPending() {
    if (pending.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
    pending.clear();
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // The partitions moved to another member, which resumes from the last commit.
      log.warn("Commit refused after a rebalance; the new owner resumes from the last commit");
    } catch (WakeupException e) {
      pending.putAll(offsets); // close() interrupted the commit: retried in shutDown()
      throw e;
    }
  }

  private void shutDown() {
    try {
      commitPending();
    } catch (RuntimeException e) {
      log.warn("Could not commit the last offsets on shutdown: {}", e.toString());
    } finally {
      closeClients();
      stopped.countDown();
      log.info("Alerting stopped: {}", counters);
    }
  }

  private void closeClients() {
    List<AutoCloseable> clients = new ArrayList<>(List.of(consumer, producer));
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        log.warn("Closing a Kafka client failed: {}", e.toString());
      }
    }
  }

  static Map<String, Object> consumerProperties(AlertingConfig config, String target) {
    Map<String, Object> props =
        new HashMap<>(KafkaSecurityConfig.clientProperties(config.originals()));
    props.putAll(config.kafkaOverrides());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "precursor-alerting-" + target);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.autoOffsetReset());
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    var settings = config.webhookSettings();
    long worstPerRecord = settings.retry().maxElapsed().plus(settings.requestTimeout()).toMillis();
    props.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
        (int) Math.min(Integer.MAX_VALUE, Math.max(300_000L, MAX_POLL_RECORDS * worstPerRecord)));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  static Map<String, Object> producerProperties(AlertingConfig config, String target) {
    Map<String, Object> props =
        new HashMap<>(KafkaSecurityConfig.clientProperties(config.originals()));
    props.putAll(config.kafkaOverrides());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "precursor-alerting-" + target + "-actions");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  /** A record that cannot be read or turned into a message; it goes to the dead-letter topic. */
  private static final class UnusableRecord extends Exception {
    UnusableRecord(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
