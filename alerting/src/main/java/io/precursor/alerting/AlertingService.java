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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
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
 * topic. Each webhook has a sender thread of its own, so one webhook waiting on its rate limit or a
 * failing Slack does not hold up the others.
 */
public final class AlertingService implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertingService.class);
  private static final Duration POLL = Duration.ofMillis(500);
  // While records wait for room in a full queue, look again soon.
  private static final Duration POLL_WHILE_WAITING = Duration.ofMillis(50);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  // Each record may wait on Slack (rate limit, retries): keep batches small so a poll comes soon.
  private static final int MAX_POLL_RECORDS = 10;

  private final Topics topics;
  private final Map<String, WebhookSender> senders;
  private final Routing routing;
  private final AlertPolicy policy;
  private final List<String> sources;
  private final Consumer<byte[], byte[]> consumer;
  private final Consumer<byte[], byte[]> actionsReader;
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
  // The consumer thread's view of each assigned partition; the senders settle actions in it.
  private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  // Records polled but not yet handed to the senders (a queue was full); their partitions pause.
  private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> waiting =
      new LinkedHashMap<>();
  // Snapshots RDS refused for now, in arrival order; their records hold the commit back.
  private final List<DeferredSnapshot> deferred = new ArrayList<>();
  private final AtomicReference<RuntimeException> senderFailure = new AtomicReference<>();
  private final List<java.util.function.Consumer<DeliveredAlert>> listeners =
      new CopyOnWriteArrayList<>();
  private final PartitionAssignment assignment;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private CompletedActions completed;

  /** A snapshot waiting to be asked for again, and the record that asked for it. */
  private record DeferredSnapshot(
      SnapshotRequest request,
      PartitionProgress progress,
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
    this.senders = new LinkedHashMap<>();
    config
        .webhookUrls()
        .forEach(
            (name, url) ->
                senders.put(
                    name,
                    new WebhookSender(
                        new SlackWebhook(name, url, config.webhookSettings()),
                        config.queueCapacity(),
                        this::deliver,
                        this::senderFailed)));
    this.assignment = new PartitionAssignment(new Handover());
    this.routing = config.routing();
    this.policy = new AlertPolicy(config.minSeverity());
    this.sources =
        config.postIncidents()
            ? List.of(topics.precursors().name(), topics.incidents().name())
            : List.of(topics.precursors().name());
    this.clock = Clock.systemUTC();
    this.consumer = new KafkaConsumer<>(consumerProperties(config));
    this.actionsReader = new KafkaConsumer<>(actionsReaderProperties(config));
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

  /** Calls {@code listener} with each alert Slack accepted, on the thread of its webhook. */
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
    Map<String, SlackWebhook> webhooks = new LinkedHashMap<>();
    senders.forEach((name, sender) -> webhooks.put(name, sender.webhook()));
    return webhooks;
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
          CompletedActions.load(
              actionsReader, topics.actions(), LOAD_TIMEOUT, this::rememberSnapshot);
      senders.values().forEach(WebhookSender::start);
      consumer.subscribe(sources, assignment);
      log.info(
          "Alerting started: reading {}, webhooks {}, {} routing rules, snapshots {}",
          sources,
          senders.keySet(),
          routing.rules().size(),
          snapshotSettings.enabled() ? "enabled" : "in dry run");
      while (!closing.get()) {
        throwIfASenderFailed();
        for (ConsumerRecord<byte[], byte[]> record :
            consumer.poll(waiting.isEmpty() ? POLL : POLL_WHILE_WAITING)) {
          waiting
              .computeIfAbsent(
                  new TopicPartition(record.topic(), record.partition()), p -> new ArrayDeque<>())
              .addLast(record);
        }
        handOver();
        retryDeferredSnapshots();
        commitProgress();
      }
    } catch (WakeupException e) {
      if (!closing.get()) {
        throw e;
      }
    } finally {
      shutDown();
    }
  }

  /**
   * Stops taking records, lets each webhook finish and audit the post in flight, commits what was
   * done and closes the clients; queued alerts are posted after a restart.
   */
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

  // Hands waiting records to the senders in offset order per partition; a partition whose next
  // record finds a full queue pauses until there is room (bounded memory).
  private void handOver() {
    for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      TopicPartition partition = entry.getKey();
      ArrayDeque<ConsumerRecord<byte[], byte[]>> records = entry.getValue();
      while (!records.isEmpty() && !closing.get() && handle(records.peekFirst())) {
        records.removeFirst();
      }
      Set<TopicPartition> one = Set.of(partition);
      if (records.isEmpty()) {
        it.remove();
        if (consumer.paused().contains(partition)) {
          consumer.resume(one);
        }
      } else if (!consumer.paused().contains(partition)) {
        consumer.pause(one);
      }
    }
  }

  // False, with nothing done, when a webhook the record goes to has no room in its queue.
  private boolean handle(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    PartitionProgress progress = this.progress.computeIfAbsent(partition, PartitionProgress::new);
    Optional<Postable> postable;
    try {
      postable = postableFor(record);
    } catch (UnusableRecord e) {
      counters.countRead();
      log.warn("Setting aside {}: {}", DeadLetterWriter.source(record), e.getMessage());
      deadLetters.write(record, e.getMessage(), e.getCause());
      counters.countDeadLetter();
      progress.taken(record.offset(), 0);
      return true;
    }
    if (postable.isEmpty()) {
      counters.countRead();
      progress.taken(record.offset(), 0);
      return true;
    }
    Route route = routing.route(postable.get().subject());
    Map<WebhookSender, Alert> toPost = new LinkedHashMap<>();
    for (String webhook : route.webhooks()) {
      Alert alert = postable.get().to(webhook);
      if (!completed.contains(alert.idempotencyKey())) {
        WebhookSender sender = senders.get(webhook);
        if (!sender.hasRoom()) {
          return false;
        }
        toPost.put(sender, alert);
      }
    }
    counters.countRead();
    for (int i = toPost.size(); i < route.webhooks().size(); i++) {
      counters.countDuplicate();
    }
    boolean snapshotPutOff =
        route.snapshot() && snapshot(postable.get(), progress, record.offset());
    // Registered before queueing, so no sender settles an action the progress does not know.
    progress.taken(record.offset(), toPost.size() + (snapshotPutOff ? 1 : 0));
    toPost.forEach(
        (sender, alert) ->
            sender.enqueue(new WebhookSender.Queued(alert, progress, record.offset())));
    return true;
  }

  // On the webhook's sender thread: post, then record; the commit follows once every action of
  // the record is recorded. A crash between post and record is the one window in which Slack can
  // see a message twice; nothing is skipped to close it.
  private void deliver(Alert alert, SlackWebhook webhook) {
    if (completed.contains(alert.idempotencyKey())) {
      counters.countDuplicate(); // the same subject and revision came twice
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

  private void senderFailed(RuntimeException e) {
    senderFailure.compareAndSet(null, e);
  }

  private void throwIfASenderFailed() {
    RuntimeException failure = senderFailure.get();
    if (failure != null) {
      throw new KafkaException("a webhook sender could not record its action", failure);
    }
  }

  // True when RDS refused for now and the snapshot is put off; it then holds the record's commit.
  private boolean snapshot(Postable postable, PartitionProgress progress, long offset) {
    Optional<SnapshotRequest> request = SnapshotRequest.of(postable.subject());
    if (request.isEmpty()) {
      log.warn("No snapshot for {}: it names no DB cluster or instance", postable.subject().id());
      return false;
    }
    if (completed.contains(request.get().idempotencyKey())) {
      counters.countDuplicate();
      return false;
    }
    Instant now = clock.instant();
    return attemptSnapshot(request.get(), progress, offset, now, 1);
  }

  // True when the snapshot is put off again (added to the deferred list), false once recorded.
  private boolean attemptSnapshot(
      SnapshotRequest request,
      PartitionProgress progress,
      long offset,
      Instant first,
      int attempt) {
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
        return false;
      }
      log.info(
          "Snapshot {} of {} refused for now ({}), asking again in {} ms",
          request.identifier(),
          request.resource(),
          step.detail(),
          snapshotSettings.retryBackoff().toMillis());
      counters.countSnapshotDeferred();
      deferred.add(new DeferredSnapshot(request, progress, offset, first, attempt, nextAttempt));
      return true;
    }
    recordSnapshot(request, step.outcome(), attempt, step.detail());
    return false;
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
      if (!attemptSnapshot(
          d.request(), d.progress(), d.offset(), d.firstAttempt(), d.attempts() + 1)) {
        d.progress().settled(d.offset());
      }
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

  // Commits how far each partition is done: never past a record with an alert not yet audited on
  // some webhook or a snapshot still put off, so a restart does those again instead of forgetting.
  private void commitProgress() {
    commit(progress.values());
  }

  private void commit(Collection<PartitionProgress> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PartitionProgress p : partitions) {
      long upTo = p.committable();
      if (upTo >= 0 && upTo > committed.getOrDefault(p.partition(), -1L)) {
        offsets.put(p.partition(), new OffsetAndMetadata(upTo));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      commitSync(offsets);
      offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    } catch (CommitFailedException e) {
      // The partitions moved to another member, which resumes from the last commit.
      log.warn("Commit refused after a rebalance; the new owner resumes from the last commit");
    }
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      if (!closing.get()) {
        throw e;
      }
      consumer.commitSync(offsets); // close() woke the consumer; this commit is part of closing
    }
  }

  /** Partitions coming and going: what is done is committed, what is not is read again. */
  private final class Handover implements PartitionAssignment.Handover {

    @Override
    public void assigned(Collection<TopicPartition> partitions) {
      // The previous owner audited actions past its last commit; they must not be repeated here.
      completed.catchUp(LOAD_TIMEOUT);
      for (TopicPartition partition : partitions) {
        progress.computeIfAbsent(partition, PartitionProgress::new);
      }
    }

    @Override
    public void released(Collection<TopicPartition> partitions, boolean commit) {
      release(partitions, commit);
    }
  }

  // Drops the queued alerts and waiting records of the partitions, waits for the posts in flight
  // to be audited, and commits up to the first record not fully audited.
  private void release(Collection<TopicPartition> partitions, boolean commit) {
    List<PartitionProgress> released = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      PartitionProgress p = progress.remove(partition);
      if (p != null) {
        p.revoke();
        released.add(p);
      }
      waiting.remove(partition);
    }
    if (released.isEmpty()) {
      return;
    }
    deferred.removeIf(d -> d.progress().revoked());
    senders.values().forEach(WebhookSender::dropRevoked);
    try {
      if (commit) {
        commit(released);
      }
    } finally {
      partitions.forEach(committed::remove);
    }
    log.info("Released {} partitions{}", released.size(), commit ? ", done work committed" : "");
  }

  private void shutDown() {
    try {
      release(new ArrayList<>(progress.keySet()), true);
    } catch (RuntimeException e) {
      log.warn("Could not commit the last offsets on shutdown: {}", e.toString());
    } finally {
      senders.values().forEach(WebhookSender::close);
      closeClients();
      stopped.countDown();
      log.info("Alerting stopped: {}", counters);
    }
  }

  private void closeClients() {
    List<AutoCloseable> clients = new ArrayList<>(List.of(consumer, actionsReader, producer, rds));
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

  // Reads the actions topic by hand (no group, no commits) at start and after each assignment.
  static Map<String, Object> actionsReaderProperties(AlertingConfig config) {
    Map<String, Object> props = consumerProperties(config);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.remove(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    props.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "precursor-alerting-" + config.webhookName() + "-actions-reader");
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
