package io.precursor.alerting.action;

import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency keys of the actions already completed (each key names its target), read back from
 * the actions topic at start-up so a restart never repeats a Slack post or a snapshot.
 */
public final class CompletedActions {

  private static final Logger log = LoggerFactory.getLogger(CompletedActions.class);

  private final Set<String> keys = new HashSet<>();
  private final Consumer<byte[], byte[]> consumer;
  private final Topic<String, ActionRecord> actions;
  private final java.util.function.Consumer<ActionRecord> seen;
  private final List<TopicPartition> partitions;

  private CompletedActions(
      Consumer<byte[], byte[]> consumer,
      Topic<String, ActionRecord> actions,
      java.util.function.Consumer<ActionRecord> seen,
      List<TopicPartition> partitions) {
    this.consumer = consumer;
    this.actions = actions;
    this.seen = seen;
    this.partitions = partitions;
  }

  /**
   * Reads {@code actions} from the beginning to its current end with {@code consumer} (assigned by
   * hand, no group, and kept for {@link #catchUp}), keeps the keys of completed actions and shows
   * {@code seen} each completed action the first time its key appears.
   *
   * @throws TimeoutException when the end is not reached within {@code timeout}: starting with a
   *     partial view would send duplicates
   */
  public static CompletedActions load(
      Consumer<byte[], byte[]> consumer,
      Topic<String, ActionRecord> actions,
      Duration timeout,
      java.util.function.Consumer<ActionRecord> seen) {
    List<PartitionInfo> infos = consumer.partitionsFor(actions.name(), timeout);
    List<TopicPartition> partitions =
        infos == null
            ? List.of()
            : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    CompletedActions completed = new CompletedActions(consumer, actions, seen, partitions);
    if (partitions.isEmpty()) {
      return completed;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    int unreadable = completed.readToEnd(timeout);
    log.info(
        "Read {}: {} actions already completed{}",
        actions.name(),
        completed.size(),
        unreadable == 0 ? "" : " (" + unreadable + " unreadable records ignored)");
    return completed;
  }

  /**
   * Reads what was added to the actions topic since the last read, e.g. by the instance that had a
   * partition before a rebalance gave it to this one, so its audited actions are not repeated.
   *
   * @throws TimeoutException when the end is not reached within {@code timeout}
   */
  public void catchUp(Duration timeout) {
    if (!partitions.isEmpty()) {
      readToEnd(timeout);
    }
  }

  private int readToEnd(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    int unreadable = 0;
    while (!reached(consumer, end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException(
            "could not read " + actions.name() + " to its end within " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.value() == null) {
          continue;
        }
        ActionRecord action;
        try {
          action = actions.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
          unreadable++;
          continue;
        }
        if (remember(action)) {
          seen.accept(action);
        }
      }
    }
    return unreadable;
  }

  /** Whether the action with this key was already done. */
  public synchronized boolean contains(String idempotencyKey) {
    return keys.contains(idempotencyKey);
  }

  /** Notes an action done in this run. */
  public synchronized void add(String idempotencyKey) {
    keys.add(idempotencyKey);
  }

  public synchronized int size() {
    return keys.size();
  }

  /**
   * Whether an action that ended this way is done for good. A failed attempt is not: it is tried
   * again when its record is read again. A dry run or a guard's skip is a decision made once.
   */
  public static boolean isDone(ActionOutcome outcome) {
    return outcome == ActionOutcome.SUCCEEDED
        || outcome == ActionOutcome.DRY_RUN
        || outcome == ActionOutcome.ALREADY_DONE
        || outcome == ActionOutcome.SKIPPED;
  }

  // True when the record completes an action not known to be done before.
  private synchronized boolean remember(ActionRecord record) {
    return isDone(record.getOutcome()) && keys.add(record.getIdempotencyKey());
  }

  private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
