package io.precursor.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.SharedServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.fault.LoggingFaultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A real single-node Kafka cluster (one KRaft broker that is also its controller) running in this
 * JVM on 127.0.0.1, in a temporary directory that {@link #close()} deletes; its threads keep a JVM
 * alive until it is closed.
 */
// Assembled from the parts KafkaRaftServer uses rather than through it or KafkaClusterTestKit:
// the test kit binds its listeners to the wildcard address, and KafkaRaftServer halts the JVM on
// a fatal fault (a port clash at start-up is one), which would kill the demo or the test run.
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path directory;
  private final BrokerServer broker;
  private final ControllerServer controller;
  private final String bootstrapServers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(
      Path directory, BrokerServer broker, ControllerServer controller, String bootstrapServers) {
    this.directory = directory;
    this.broker = broker;
    this.controller = controller;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker with the single-node defaults and returns once clients can use it. */
  public static EmbeddedKafkaBroker start() {
    return start(Map.of());
  }

  /**
   * Starts a broker with the single-node defaults overridden by {@code brokerOverrides} (broker
   * properties such as {@code log.retention.ms}; listeners, quorum and directories are fixed).
   */
  public static EmbeddedKafkaBroker start(Map<String, String> brokerOverrides) {
    SingleNodeKraftConfig.requireTuningOnly(brokerOverrides);
    long startedAt = System.nanoTime();
    Path directory = createTempDirectory();
    try {
      EmbeddedKafkaBroker started = launch(directory, brokerOverrides);
      LOG.info(
          "Embedded Kafka broker ready at {} in {} ms (data in {})",
          started.bootstrapServers,
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
          directory);
      return started;
    } catch (Exception e) {
      deleteQuietly(directory);
      throw new IllegalStateException("the embedded Kafka broker did not start: " + e, e);
    }
  }

  private static EmbeddedKafkaBroker launch(Path directory, Map<String, String> overrides)
      throws Exception {
    try (PreboundControllerSocket controllerSocket = PreboundControllerSocket.bind()) {
      KafkaConfig config =
          new KafkaConfig(
              SingleNodeKraftConfig.properties(
                  directory.resolve("data"), controllerSocket.port(), overrides),
              false);
      format(config);
      Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> storage =
          KafkaRaftServer.initializeLogDirs(config, LOG, "[EmbeddedKafkaBroker] ");
      SharedServer shared =
          new SharedServer(
              config,
              storage._1(),
              Time.SYSTEM,
              new Metrics(),
              CompletableFuture.completedFuture(
                  QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
              QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
              (name, fatal, action) -> new LoggingFaultHandler(name, action),
              controllerSocket);
      // Same construction and start order as KafkaRaftServer.
      BrokerServer broker = new BrokerServer(shared);
      ControllerServer controller =
          new ControllerServer(shared, KafkaRaftServer.configSchema(), storage._2());
      try {
        controller.startup();
        // Returns once the controller has unfenced the broker, so clients can use it right away.
        broker.startup();
      } catch (RuntimeException e) {
        stop(broker, controller);
        throw e;
      }
      int port = broker.boundPort(ListenerName.normalised(SingleNodeKraftConfig.BROKER_LISTENER));
      return new EmbeddedKafkaBroker(
          directory, broker, controller, SingleNodeKraftConfig.LOOPBACK_HOST + ":" + port);
    }
  }

  /** Writes the cluster id and bootstrap metadata, as {@code kafka-storage.sh format} does. */
  private static void format(KafkaConfig config) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(SingleNodeKraftConfig.NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .addDirectory(config.metadataLogDir())
        .setMetadataLogDirectory(config.metadataLogDir())
        .setControllerListenerName(SingleNodeKraftConfig.CONTROLLER_LISTENER)
        .run();
  }

  /** The {@code bootstrap.servers} value for clients, {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The temporary directory holding the broker's data; gone after {@link #close()}. */
  Path directory() {
    return directory;
  }

  /** Stops the broker and deletes its directory; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stop(broker, controller);
    } finally {
      deleteQuietly(directory);
    }
  }

  private static void stop(BrokerServer broker, ControllerServer controller) {
    // The broker shuts down through its controller, so the controller goes last.
    broker.shutdown();
    controller.shutdown();
    broker.awaitShutdown();
    controller.awaitShutdown();
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("precursor-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the embedded broker", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      Utils.delete(directory.toFile());
    } catch (IOException e) {
      LOG.warn("Could not delete the embedded broker's directory {}", directory, e);
    }
  }
}
