package io.precursor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Kinesis Data Streams on this machine: the npm package {@code kinesis-local} (kinesis-mock) run as
 * a child process on free loopback ports, stopped with its whole process tree on {@link #close()}.
 */
public final class LocalKinesis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKinesis.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final Process process;
  private final Path log;
  private final URI endpoint;
  private final KinesisAsyncClient client;

  private LocalKinesis(Process process, Path log, URI endpoint) {
    this.process = process;
    this.log = log;
    this.endpoint = endpoint;
    this.client = LocalAws.kinesisClient(endpoint);
  }

  /**
   * Starts kinesis-local from where the build installed it and returns once it answers.
   *
   * @throws IllegalStateException if it is not installed, node is missing, or it never answers
   */
  public static LocalKinesis start() {
    KinesisLocalInstallation installation = KinesisLocalInstallation.find();
    int plainPort = FreePorts.onLoopback();
    int tlsPort = FreePorts.onLoopback();
    Path log;
    Process process;
    try {
      log = Files.createTempFile("kinesis-local-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "node",
                  "--require",
                  installation.loopbackShim().toString(),
                  installation.main().toString())
              .directory(log.getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("KINESIS_MOCK_CERT_PATH", installation.certificate().toString());
      env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
      env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
      env.put("AWS_REGION", LocalAws.REGION.id());
      env.put("CREATE_STREAM_DURATION", "100ms");
      env.put("SHOULD_PERSIST_DATA", "false");
      env.put("LOG_LEVEL", "WARN");
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start kinesis-local with `node` (is Node.js on the PATH?): " + e.getMessage(), e);
    }
    LocalKinesis kinesis =
        new LocalKinesis(process, log, URI.create("http://127.0.0.1:" + plainPort));
    try {
      kinesis.awaitAnswering();
    } catch (RuntimeException e) {
      kinesis.close();
      throw e;
    }
    return kinesis;
  }

  /** The plain-HTTP endpoint, for {@code endpointOverride}; clients must speak HTTP/1.1 to it. */
  public URI endpoint() {
    return endpoint;
  }

  /** A client of this Kinesis with fake credentials, owned by this instance; do not close it. */
  public KinesisAsyncClient client() {
    return client;
  }

  /** Creates a stream with {@code shards} shards and returns once it is ACTIVE. */
  public void createStream(String name, int shards) {
    call(
        "create stream " + name,
        () -> client.createStream(b -> b.streamName(name).shardCount(shards)).join());
    try {
      Awaitility.await("stream " + name + " ACTIVE")
          .atMost(STREAM_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  client
                          .describeStreamSummary(b -> b.streamName(name))
                          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                          .streamDescriptionSummary()
                          .streamStatus()
                      == StreamStatus.ACTIVE);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "stream " + name + " did not become ACTIVE within " + STREAM_TIMEOUT + "; " + output(),
          e);
    }
  }

  /** The shard ids of {@code stream}, in Kinesis's order. */
  public List<String> shardIds(String stream) {
    return call(
        "list shards of " + stream,
        () ->
            client.listShards(b -> b.streamName(stream)).join().shards().stream()
                .map(shard -> shard.shardId())
                .toList());
  }

  /** Stops kinesis-local and every process it started; later calls do nothing. */
  @Override
  public void close() {
    client.close();
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("kinesis-local did not stop within {}; killing it", STOP_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      LOG.debug("cannot delete {}", log, e);
    }
  }

  private void awaitAnswering() {
    long starting = System.nanoTime();
    try {
      Awaitility.await("kinesis-local answering at " + endpoint)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptionsMatching(e -> !(e instanceof IllegalStateException))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "kinesis-local exited with code " + process.exitValue() + "; " + output());
                }
                client.listStreams().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return true;
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "kinesis-local did not answer at "
              + endpoint
              + " within "
              + START_TIMEOUT
              + "; "
              + output(),
          e);
    }
    LOG.info(
        "kinesis-local answering at {} after {} ms",
        endpoint,
        Duration.ofNanos(System.nanoTime() - starting).toMillis());
  }

  private String output() {
    try {
      String text = Files.readString(log);
      return text.isBlank()
          ? "it printed nothing"
          : "its output ends with:\n" + text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException | UncheckedIOException e) {
      return "its output is unreadable: " + e.getMessage();
    }
  }

  private static <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "kinesis-local refused to " + what + ": " + e.getMessage(), e);
    }
  }
}
