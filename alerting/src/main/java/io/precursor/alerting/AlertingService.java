package io.precursor.alerting;

import io.precursor.alerting.action.ActionLog;
import io.precursor.alerting.action.CompletedActions;
import io.precursor.alerting.route.Route;
import io.precursor.alerting.route.Routing;
import io.precursor.alerting.slack.DeliveryOutcome;
import io.precursor.alerting.slack.SlackWebhook;
import io.precursor.alerting.snapshot.RdsSnapshots;
import io.precursor.alerting.snapshot.SnapshotAction;
import io.precursor.alerting.snapshot.SnapshotBudget;
import io.precursor.alerting.snapshot.SnapshotRequest;
import io.precursor.alerting.snapshot.SnapshotSettings;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.ActionType;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The alerting stage: reads precursors and incidents, routes each to its Slack webhooks and, when a
 * rule asks, an RDS snapshot; does each action once, audits it on the actions topic before the
 * consumer offset moves past its record, and sets unreadable records aside on its dead-letter
 * topic.
 */
public final class AlertingService implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertingService.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  // Each record may wait on Slack (rate limit, retries): keep batches small so a poll comes soon.
  private static final int MAX_POLL_RECORDS = 10;

  private final Topics topics;
  private final Map<String, SlackWebhook> webhooks;
  private final Routing routing;
  private final AlertPolicy policy;
  private final List<String> sources;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final ActionLog actionLog;
  private final DeadLetterWriter deadLetters;
  private final SnapshotSettings snapshotSettings;
  private final SnapshotBudget snapshotBudget;
  private final RdsSnapshots rds;
  private final SnapshotAction snapshots;
  private final CrashPoint crashPoint;
  private final Clock clock;
  private final Duration closeTimeout;
  private final AlertingCounters counters = new AlertingCounters();
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  // Snapshots RDS refused for now, in arrival order; their records hold the commit back.
  private final List<DeferredSnapshot> deferred = new ArrayList<>();
  private final List<java.util.function.Consumer<DeliveredAlert>> listeners =
      new CopyOnWriteArrayList<>();
  private final PartitionAssignment assignment = new PartitionAssignment();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private CompletedActions completed;

  /** A snapshot waiting to be asked for again, and the record that asked for it. */
  private record DeferredSnapshot(
      SnapshotRequest request,
      TopicPartition partition,
      long offset,
      Instant firstAttempt,
      int attempts,
      Instant nextAttempt) {}

  /**
   * A service posting to the webhooks {@code config} names, with AWS credentials from the SDK's
   * default provider chain.
   */
  public AlertingService(AlertingConfig config, Topics topics) {
    this(config, topics, RdsSnapshots.connect(config.awsRegion(), config.rdsEndpoint()));
  }

  /** A service whose snapshots sign with {@code credentials} (tests use fixed fake ones). */
  public AlertingService(AlertingConfig config, Topics topics, AwsCredentialsProvider credentials) {
    this(
        config,
        topics,
        RdsSnapshots.connect(config.awsRegion(), config.rdsEndpoint(), credentials));
  }

  private AlertingService(AlertingConfig config, Topics topics, RdsSnapshots rds) {
    this.topics = topics;
    this.webhooks = new LinkedHashMap<>();
    config
        .webhookUrls()
        .forEach(
            (name, url) ->
                webhooks.put(name, new SlackWebhook(name, url, config.webhookSettings())));
    this.routing = config.routing();
    this.policy = new AlertPolicy(config.minSeverity());
    this.sources =
        config.postIncidents()
            ? List.of(topics.precursors().name(), topics.incidents().name())
            : List.of(topics.precursors().name());
    this.clock = Clock.systemUTC();
    this.consumer = new KafkaConsumer<>(consumerProperties(config));
    this.producer = new KafkaProducer<>(producerProperties(config));
    this.actionLog = new ActionLog(producer, topics.actions());
    this.deadLetters = new DeadLetterWriter(producer, topics, clock);
    this.snapshotSettings = config.snapshotSettings();
    this.snapshotBudget = new SnapshotBudget(snapshotSettings.dailyCap());
    this.rds = rds;
    this.snapshots = new SnapshotAction(snapshotSettings, snapshotBudget, rds);
    this.crashPoint = config.crashPoint();
    var retry = config.webhookSettings().retry();
    // Enough for the in-flight post to finish its retries and be recorded.
    this.closeTimeout =
        retry
            .maxElapsed()
            .plus(config.webhookSettings().requestTimeout())
            .plus(Duration.ofSeconds(30));
    for (String problem :
        routing.rulesThatMatchNothing(config.postedKinds(), config.minSeverity())) {
      log.warn("{}", problem);
    }
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

  /** The webhooks alerts are routed to, by name. */
  Map<String, SlackWebhook> webhooks() {
    return Map.copyOf(webhooks);
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
      completed =
          CompletedActions.load(consumer, topics.actions(), LOAD_TIMEOUT, this::rememberSnapshot);
      consumer.subscribe(sources, assignment);
      log.info(
          "Alerting started: reading {}, webhooks {}, {} routing rules, snapshots {}",
          sources,
          webhooks.keySet(),
          routing.rules().size(),
          snapshotSettings.enabled() ? "enabled" : "in dry run");
      while (!closing.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (closing.get()) {
            break; // finish the in-flight record only; the rest is read again after a restart
          }
          handle(record);
        }
        retryDeferredSnapshots();
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
    Optional<Postable> postable;
    try {
      postable = postableFor(record);
    } catch (UnusableRecord e) {
      log.warn("Setting aside {}: {}", DeadLetterWriter.source(record), e.getMessage());
      deadLetters.write(record, e.getMessage(), e.getCause());
      counters.countDeadLetter();
      pending.put(partition, next);
      commitPending();
      return;
    }
    pending.put(partition, next);
    if (postable.isEmpty()) {
      return;
    }
    Route route = routing.route(postable.get().subject());
    for (String webhook : route.webhooks()) {
      post(postable.get().to(webhook), webhooks.get(webhook));
    }
    if (route.snapshot()) {
      snapshot(postable.get(), partition, record.offset());
    }
    commitPending();
  }

  // Post, then record, then (in handle) commit: a crash between the first two is the one window
  // in which Slack can see a message twice; nothing is skipped to close it.
  private void post(Alert alert, SlackWebhook webhook) {
    if (completed.contains(alert.idempotencyKey())) {
      counters.countDuplicate();
      return;
    }
    DeliveryOutcome outcome = webhook.post(alert.message());
    counters.countSlackOutcome(outcome);
    if (outcome.delivered()) {
      crashPoint.reached(CrashPoint.AFTER_POST, alert.subjectId());
    }
    actionLog.append(slackRecord(alert, webhook.name(), outcome));
    if (outcome.delivered()) {
      crashPoint.reached(CrashPoint.AFTER_AUDIT, alert.subjectId());
      completed.add(alert.idempotencyKey());
      counters.countDelivered();
      notifyDelivered(new DeliveredAlert(alert, outcome));
    } else {
      counters.countFailed();
    }
  }

  private void snapshot(Postable postable, TopicPartition partition, long offset) {
    Optional<SnapshotRequest> request = SnapshotRequest.of(postable.subject());
    if (request.isEmpty()) {
      log.warn("No snapshot for {}: it names no DB cluster or instance", postable.subject().id());
      return;
    }
    if (completed.contains(request.get().idempotencyKey())) {
      counters.countDuplicate();
      return;
    }
    Instant now = clock.instant();
    attemptSnapshot(request.get(), partition, offset, now, 1);
  }

  private void attemptSnapshot(
      SnapshotRequest request, TopicPartition partition, long offset, Instant first, int attempt) {
    Instant now = clock.instant();
    SnapshotAction.Step step = snapshots.attempt(request, attempt, now);
    if (step.retryLater()) {
      Instant giveUpAt = first.plus(snapshotSettings.retryMaxElapsed());
      Instant nextAttempt = now.plus(snapshotSettings.retryBackoff());
      if (nextAttempt.isAfter(giveUpAt)) {
        recordSnapshot(
            request,
            ActionOutcome.FAILED,
            attempt,
            step.detail()
                + "; still refused after "
                + Duration.between(first, now).toSeconds()
                + " s, given up");
        return;
      }
      log.info(
          "Snapshot {} of {} refused for now ({}), asking again in {} ms",
          request.identifier(),
          request.resource(),
          step.detail(),
          snapshotSettings.retryBackoff().toMillis());
      counters.countSnapshotDeferred();
      deferred.add(new DeferredSnapshot(request, partition, offset, first, attempt, nextAttempt));
      return;
    }
    recordSnapshot(request, step.outcome(), attempt, step.detail());
  }

  private void recordSnapshot(
      SnapshotRequest request, ActionOutcome outcome, int attempts, String detail) {
    actionLog.append(
        ActionRecord.newBuilder()
            .setIdempotencyKey(request.idempotencyKey())
            .setAction(
                request.scope() == SnapshotRequest.Scope.CLUSTER
                    ? ActionType.CLUSTER_SNAPSHOT
                    : ActionType.INSTANCE_SNAPSHOT)
            .setTarget(request.identifier())
            .setSubjectId(request.subjectId())
            .setOutcome(outcome)
            .setAttempts(attempts)
            .setDetail(detail)
            .setTime(clock.instant())
            .setResource(request.resource())
            .build());
    if (CompletedActions.isDone(outcome)) {
      completed.add(request.idempotencyKey());
    }
    counters.countSnapshot(outcome);
    log.info(
        "Snapshot {} of {} for {}: {}{}",
        request.identifier(),
        request.resource(),
        request.subjectId(),
        outcome,
        detail == null ? "" : " (" + detail + ")");
  }

  private void retryDeferredSnapshots() {
    if (deferred.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<DeferredSnapshot> due = new ArrayList<>();
    for (Iterator<DeferredSnapshot> it = deferred.iterator(); it.hasNext(); ) {
      DeferredSnapshot d = it.next();
      if (!d.nextAttempt().isAfter(now)) {
        due.add(d);
        it.remove();
      }
    }
    for (DeferredSnapshot d : due) {
      attemptSnapshot(d.request(), d.partition(), d.offset(), d.firstAttempt(), d.attempts() + 1);
    }
  }

  // The restart view of the daily cap: every snapshot that counted, from the actions topic.
  private void rememberSnapshot(ActionRecord action) {
    if ((action.getAction() == ActionType.CLUSTER_SNAPSHOT
            || action.getAction() == ActionType.INSTANCE_SNAPSHOT)
        && action.getResource() != null
        && (action.getOutcome() == ActionOutcome.SUCCEEDED
            || action.getOutcome() == ActionOutcome.ALREADY_DONE
            || action.getOutcome() == ActionOutcome.DRY_RUN)) {
      snapshotBudget.spend(action.getResource(), action.getTime());
    }
  }

  // Empty when there is nothing to post: a tombstone, or a precursor under the minimum severity.
  private Optional<Postable> postableFor(ConsumerRecord<byte[], byte[]> record)
      throws UnusableRecord {
    if (record.value() == null) {
      return Optional.empty();
    }
    if (record.topic().equals(topics.precursors().name())) {
      FailoverPrecursor precursor =
          decode(topics.precursors().valueSerde().deserializer(), record, "precursor");
      Optional<Postable> postable = build(() -> policy.forPrecursor(precursor));
      if (postable.isEmpty()) {
        counters.countBelowSeverity();
      }
      return postable;
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

  private static Optional<Postable> build(java.util.function.Supplier<Optional<Postable>> builder)
      throws UnusableRecord {
    try {
      return builder.get();
    } catch (RuntimeException e) {
      throw new UnusableRecord("cannot build the Slack message: " + e, e);
    }
  }

  private ActionRecord slackRecord(Alert alert, String webhook, DeliveryOutcome outcome) {
    return ActionRecord.newBuilder()
        .setIdempotencyKey(alert.idempotencyKey())
        .setAction(ActionType.SLACK_MESSAGE)
        .setTarget(webhook)
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

  // Commits how far each partition is done: never past a record whose snapshot is still deferred,
  // so a restart asks RDS again (with the same identifier) instead of forgetting it.
  private void commitPending() {
    if (pending.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> held = new HashMap<>();
    for (var entry : pending.entrySet()) {
      long upTo = entry.getValue().offset();
      for (DeferredSnapshot d : deferred) {
        if (d.partition().equals(entry.getKey()) && d.offset() < upTo) {
          upTo = d.offset();
          held.put(entry.getKey(), entry.getValue());
        }
      }
      offsets.put(entry.getKey(), new OffsetAndMetadata(upTo));
    }
    pending.clear();
    // A partition held back stays pending until its deferred snapshot is settled.
    pending.putAll(held);
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // The partitions moved to another member, which resumes from the last commit.
      log.warn("Commit refused after a rebalance; the new owner resumes from the last commit");
    } catch (WakeupException e) {
      offsets.forEach(
          pending::putIfAbsent); // close() interrupted the commit: retried in shutDown()
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
    List<AutoCloseable> clients = new ArrayList<>(List.of(consumer, producer, rds));
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        log.warn("Closing a Kafka client failed: {}", e.toString());
      }
    }
  }

  static Map<String, Object> consumerProperties(AlertingConfig config) {
    Map<String, Object> props =
        new HashMap<>(KafkaSecurityConfig.clientProperties(config.originals()));
    props.putAll(config.kafkaOverrides());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "precursor-alerting-" + config.webhookName());
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

  static Map<String, Object> producerProperties(AlertingConfig config) {
    Map<String, Object> props =
        new HashMap<>(KafkaSecurityConfig.clientProperties(config.originals()));
    props.putAll(config.kafkaOverrides());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(
        ProducerConfig.CLIENT_ID_CONFIG, "precursor-alerting-" + config.webhookName() + "-actions");
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
