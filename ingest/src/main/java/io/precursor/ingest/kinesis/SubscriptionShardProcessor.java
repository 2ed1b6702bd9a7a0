package io.precursor.ingest.kinesis;

import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.SubscriptionIngest;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Reads one shard of the subscription stream: each batch of records goes through {@link
 * SubscriptionIngest} to Kafka, and the shard is checkpointed at the batch's last record only once
 * Kafka acknowledged everything the batch produced.
 *
 * <p>A batch that fails unexpectedly (Kafka refusing a record, a bug) is not checkpointed and shuts
 * the {@link CheckpointGate}, which halts the worker: the shard is read again from its last
 * checkpoint by the next worker to hold its lease. Throwing would not do that, since KCL logs an
 * exception from {@code processRecords} and goes on with the next batch, whose checkpoint would
 * then pass over the failed one. Unreadable input is not such a failure: it becomes a dead letter.
 */
final class SubscriptionShardProcessor implements ShardRecordProcessor {

  /** The logging context key that names the shard. */
  static final String SHARD_ID = "shardId";

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionShardProcessor.class);

  private final SubscriptionIngest ingest;
  private final IngestPublisher publisher;
  private final CheckpointGate gate;
  private String shardId = "unassigned";

  SubscriptionShardProcessor(
      SubscriptionIngest ingest, IngestPublisher publisher, CheckpointGate gate) {
    this.ingest = ingest;
    this.publisher = publisher;
    this.gate = gate;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    try (MDC.MDCCloseable shard = MDC.putCloseable(SHARD_ID, shardId)) {
      LOG.info("reading shard {} after checkpoint {}", shardId, input.extendedSequenceNumber());
    }
  }

  @Override
  public void processRecords(ProcessRecordsInput input) {
    if (input.millisBehindLatest() != null) {
      ingest.counters().millisBehindLatest(shardId, input.millisBehindLatest());
    }
    List<KinesisClientRecord> records = input.records();
    if (records.isEmpty()) {
      return;
    }
    try (MDC.MDCCloseable shard = MDC.putCloseable(SHARD_ID, shardId)) {
      KinesisClientRecord first = records.get(0);
      KinesisClientRecord last = records.get(records.size() - 1);
      if (!gate.isOpen()) {
        LOG.warn(
            "worker halting: {} records from {} left unread for the next lease holder",
            records.size(),
            source(first));
        return;
      }
      BatchAcknowledgements batch = new BatchAcknowledgements(publisher);
      try {
        for (KinesisClientRecord record : records) {
          ingest.accept(bytes(record.data()), source(record), batch);
        }
        // Deadlock dumps whose stream went quiet are complete enough to publish now.
        ingest.flushIdle(batch);
        batch.awaitAll();
      } catch (RuntimeException e) {
        abandon(records.size(), first, last, e);
        return;
      }
      LOG.debug(
          "{} records up to {} published as {} Kafka records",
          records.size(),
          source(last),
          batch.size());
      // The gate may have shut while Kafka acknowledged; this batch is safe, but a halt means stop.
      // A dump still held in memory began in a record this checkpoint would pass: a crash now
      // would lose its start. Checkpoint once it is published (a later batch, or the idle flush).
      if (ingest.holdsDeadlockDumps()) {
        LOG.debug(
            "checkpoint at {} deferred: a deadlock dump is still being assembled", source(last));
      } else if (gate.isOpen()) {
        checkpoint(input.checkpointer(), last);
      }
    }
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    // Nothing to do, and no checkpoint is allowed: the new holder reads on from the last one.
    ingest.counters().shardReleased(shardId);
    try (MDC.MDCCloseable shard = MDC.putCloseable(SHARD_ID, shardId)) {
      LOG.info("lease on shard {} lost", shardId);
    }
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    // KCL starts the child shards only once the parent is checkpointed at its end.
    ingest.counters().shardReleased(shardId);
    try (MDC.MDCCloseable shard = MDC.putCloseable(SHARD_ID, shardId)) {
      checkpointEverythingProcessed(input.checkpointer(), "shard end");
    }
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    try (MDC.MDCCloseable shard = MDC.putCloseable(SHARD_ID, shardId)) {
      checkpointEverythingProcessed(input.checkpointer(), "graceful shutdown");
    }
  }

  /** The source reference of a record in dead letters and logs: shard/sequence[/subsequence]. */
  String source(KinesisClientRecord record) {
    String position = shardId + "/" + record.sequenceNumber();
    return record.aggregated() ? position + "/" + record.subSequenceNumber() : position;
  }

  private void abandon(
      int count, KinesisClientRecord first, KinesisClientRecord last, RuntimeException e) {
    if (gate.isOpen()) {
      LOG.error(
          "batch of {} records from {} to {} failed and is not checkpointed; halting the worker so"
              + " that the shard is read again from its last checkpoint",
          count,
          source(first),
          source(last),
          e);
    } else {
      LOG.warn(
          "worker halting: batch of {} records from {} to {} not checkpointed ({})",
          count,
          source(first),
          source(last),
          e.toString());
    }
    gate.shut(e);
  }

  /** Checkpoints the last record handed to this processor: every batch before returned acked. */
  private void checkpointEverythingProcessed(RecordProcessorCheckpointer checkpointer, String why) {
    if (gate.isOpen()) {
      // Held deadlock dumps go out, acknowledged, before the final checkpoint passes them.
      BatchAcknowledgements held = new BatchAcknowledgements(publisher);
      try {
        ingest.flush(held);
        held.awaitAll();
      } catch (RuntimeException e) {
        LOG.warn(
            "not checkpointing shard {} at {}: held log entries not written: {}",
            shardId,
            why,
            e.toString());
        return;
      }
    }
    if (!gate.isOpen()) {
      LOG.warn("not checkpointing shard {} at {}: the worker is halting", shardId, why);
      return;
    }
    try {
      checkpointer.checkpoint();
      LOG.info("checkpointed shard {} at {}", shardId, why);
    } catch (ShutdownException e) {
      LOG.info("lease on shard {} lost before the checkpoint at {}", shardId, why);
    } catch (ThrottlingException | KinesisClientLibDependencyException | InvalidStateException e) {
      // KCL asks again at shard end; at shutdown the next holder re-reads, which is safe.
      LOG.warn("checkpoint of shard {} at {} not written: {}", shardId, why, e.toString());
    }
  }

  private void checkpoint(RecordProcessorCheckpointer checkpointer, KinesisClientRecord last) {
    try {
      checkpointer.checkpoint(last.sequenceNumber(), last.subSequenceNumber());
    } catch (ShutdownException e) {
      LOG.info("lease lost before checkpoint at {}; the new holder reads it again", source(last));
    } catch (ThrottlingException | KinesisClientLibDependencyException | InvalidStateException e) {
      // Re-reading is safe, skipping is not: the next batch's checkpoint covers this one.
      LOG.warn("checkpoint at {} not written: {}", source(last), e.toString());
    }
  }

  private static byte[] bytes(ByteBuffer data) {
    // KCL hands the record's bytes already base64-decoded: the gzip itself.
    ByteBuffer view = data.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
