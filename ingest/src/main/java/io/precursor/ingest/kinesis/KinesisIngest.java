package io.precursor.ingest.kinesis;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.coordinator.Scheduler;

/**
 * The live subscription ingest: a KCL 3 worker that reads the Kinesis stream CloudWatch Logs
 * subscriptions write into (polling, leases in DynamoDB) and publishes what it reads to Kafka,
 * checkpointing each batch once Kafka acknowledged it; {@link #close()} shuts it down gracefully.
 */
public final class KinesisIngest implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KinesisIngest.class);

  private final IngestPublisher publisher;
  private final Optional<WorkerClients> ownedClients;
  private final Duration shutdownTimeout;
  private final CheckpointGate gate = new CheckpointGate();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean halted = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Scheduler scheduler;

  private KinesisIngest(
      KinesisIngestConfig config,
      WorkerClients clients,
      Optional<WorkerClients> ownedClients,
      IngestPublisher publisher,
      SubscriptionIngest subscriptions) {
    this.publisher = publisher;
    this.ownedClients = ownedClients;
    this.shutdownTimeout = config.shutdownTimeout();
    String workerId = config.applicationName() + "-" + UUID.randomUUID();
    this.scheduler =
        KclScheduler.build(
            config,
            clients,
            workerId,
            () -> new SubscriptionShardProcessor(subscriptions, publisher, gate));
    // A failed batch halts the worker from a thread of its own: halting waits for KCL's threads.
    gate.whenShut(
        cause -> {
          if (!halted.get()) {
            new Thread(() -> halt(cause), "kinesis-ingest-halt").start();
          }
        });
    LOG.info(
        "KCL worker {} reading stream {} from {} (region {}, Kinesis {}, DynamoDB {})",
        workerId,
        config.streamName(),
        config.initialPosition().getInitialPositionInStream(),
        config.region().map(Object::toString).orElse("from the SDK's default chain"),
        config.kinesisEndpoint().map(KinesisIngest::hostOnly).orElse("default endpoint"),
        config.dynamoDbEndpoint().map(KinesisIngest::hostOnly).orElse("default endpoint"));
  }

  /** Starts a worker with AWS clients built from {@code config}, which it closes on close. */
  public static KinesisIngest start(
      KinesisIngestConfig config, IngestConfig ingest, Topics topics, IngestCounters counters) {
    WorkerClients clients = WorkerClients.create(config);
    try {
      return start(config, clients, Optional.of(clients), ingest, topics, counters);
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
  }

  /**
   * Starts a worker on {@code clients}, which stay the caller's to close after this worker is
   * closed.
   */
  public static KinesisIngest start(
      KinesisIngestConfig config,
      WorkerClients clients,
      IngestConfig ingest,
      Topics topics,
      IngestCounters counters) {
    return start(config, clients, Optional.empty(), ingest, topics, counters);
  }

  private static KinesisIngest start(
      KinesisIngestConfig config,
      WorkerClients clients,
      Optional<WorkerClients> ownedClients,
      IngestConfig ingest,
      Topics topics,
      IngestCounters counters) {
    IngestPublisher publisher = new IngestPublisher(ingest, topics);
    KinesisIngest worker;
    try {
      worker =
          new KinesisIngest(
              config,
              clients,
              ownedClients,
              publisher,
              new SubscriptionIngest(ingest, topics, counters));
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
    Thread thread = new Thread(worker::run, "kinesis-ingest-" + config.applicationName());
    thread.setDaemon(true);
    thread.start();
    return worker;
  }

  /**
   * True while the worker's lease coordinator runs (it takes, holds and renews shard leases) and
   * the worker has not halted.
   */
  public boolean coordinating() {
    try {
      return !halted.get() && scheduler.leaseCoordinator().isRunning();
    } catch (RuntimeException e) {
      return false; // not initialized yet
    }
  }

  /** The Kafka producer the worker publishes with (for its client metrics). */
  public org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer() {
    return publisher.producer();
  }

  /** Shard leases this worker holds now. */
  public int leasesHeld() {
    try {
      return scheduler.leaseCoordinator().getAssignments().size();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Why the worker halted instead of running on or shutting down gracefully, if it did. */
  public Optional<Throwable> failure() {
    return gate.cause();
  }

  /** Waits until the worker stopped (after {@link #close()} or a halt); true if it did in time. */
  public boolean awaitStopped(Duration timeout) {
    try {
      stopped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Shuts down gracefully: every shard is checkpointed at what Kafka acknowledged and its lease
   * released; when that takes longer than the shutdown timeout, halts instead.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (!halted.get()) {
      try {
        boolean done =
            scheduler
                .startGracefulShutdown()
                .get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("KCL worker shut down gracefully{}", done ? "" : " (not every shard confirmed)");
      } catch (TimeoutException | ExecutionException e) {
        halt(
            new IllegalStateException("graceful shutdown did not finish in " + shutdownTimeout, e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        halt(new IllegalStateException("interrupted during graceful shutdown", e));
      }
    }
    if (!awaitStopped(shutdownTimeout)) {
      LOG.warn("KCL worker still running {} after shutdown", shutdownTimeout);
    }
    publisher.close();
    ownedClients.ifPresent(WorkerClients::close);
  }

  /**
   * Stops at once, as a crash would: nothing is checkpointed any more, records not yet sent to
   * Kafka are dropped, and leases are left to expire, so whatever was not checkpointed is read
   * again by the next lease holder. A failed batch calls this; {@link #close()} still has to be
   * called to release the AWS clients.
   */
  void halt(Throwable cause) {
    if (!halted.compareAndSet(false, true)) {
      return;
    }
    gate.shut(cause);
    LOG.warn("halting the KCL worker: {}", cause.toString());
    publisher.closeNow();
    scheduler.shutdown();
  }

  private void run() {
    try {
      scheduler.run();
    } finally {
      stopped.complete(null);
    }
  }

  private static String hostOnly(URI endpoint) {
    return endpoint.getScheme() + "://" + endpoint.getHost() + ":" + endpoint.getPort();
  }
}
