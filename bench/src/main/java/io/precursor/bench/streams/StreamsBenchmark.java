package io.precursor.bench.streams;

import io.precursor.embedded.EmbeddedKafkaBroker;
import io.precursor.ingest.ExportIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.scenarios.ScenarioWriter;
import io.precursor.scenarios.SteadyFleet;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import io.precursor.streams.PrecursorTopology;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams stage on the embedded broker: records/s from the input topics to committed output,
 * beside a passthrough application on the same records, for fleets of several sizes; then the
 * latency from the record that completes a precursor's evidence to the precursor being readable
 * with read_committed.
 *
 * <p>{@code StreamsBenchmark [RECORDS_PER_SIZE] [LATENCY_SAMPLES] [SIZES...]}; defaults 10000, 100,
 * 1 100 1000.
 */
public final class StreamsBenchmark {

  private static final Instant START = Instant.parse("2026-11-17T00:00:00Z");
  private static final double SLOW_QUERIES_PER_SECOND = 0.05;
  private static final double GIB = 1024.0 * 1024 * 1024;

  /** Stream threads of both applications ({@code -Dbench.threads}, default 1). */
  private static final int THREADS = Integer.getInteger("bench.threads", 1);

  /** Rounds run and shown before the measured one ({@code -Dbench.warmup}, default 1). */
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 1);

  private static final long TIMEOUT_MILLIS = Duration.ofMinutes(20).toMillis();

  private final EmbeddedKafkaBroker broker;
  private final Admin admin;
  private final Path work;

  /** Changelog bytes per input record by store, one line per fleet size measured. */
  private final List<String> changelogsByStore = new ArrayList<>();

  private StreamsBenchmark(EmbeddedKafkaBroker broker, Path work) {
    this.broker = broker;
    this.admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    long recordsPerSize = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
    int latencySamples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1, 100, 1000);
    }
    Path work = Files.createTempDirectory("precursor-streams-bench");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      StreamsBenchmark bench = new StreamsBenchmark(broker, work);
      System.out.println(
          "| instances | input records | passthrough rec/s | precursor rec/s | ratio |"
              + " stream-thread CPU µs/record, passthrough / precursor |"
              + " JVM CPU µs/record, passthrough / precursor | state stores |"
              + " changelog bytes/record | heap used after GC |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      for (int size : sizes) {
        bench.throughput(size, recordsPerSize);
      }
      System.out.printf("%nchangelog bytes per input record, by store:%n");
      bench.changelogsByStore.forEach(System.out::println);
      bench.latency(latencySamples);
    }
  }

  private Map<String, String> settings(String run) {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://bench");
    settings.put(TopicsConfig.TOPIC_PREFIX, run + ".");
    settings.put(TopicsConfig.REPLICATION_FACTOR, "1");
    settings.put("streams.application.id", run + "-precursor");
    settings.put("streams.state.dir", work.resolve(run + "-state").toString());
    settings.put(StreamsStageConfig.THREADS, String.valueOf(THREADS));
    return settings;
  }

  private void throughput(int instances, long recordsPerSize) throws Exception {
    String run = "bench-" + instances;
    Map<String, String> settings = settings(run);
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    long records = load(instances, recordsPerSize, settings, topics);
    List<String> inputs =
        List.of(
            topics.slowQueries().name(),
            topics.errorLog().name(),
            topics.metrics().name(),
            topics.dbEvents().name());

    // The passthrough first, then the detection topology, on the same records. Rounds before the
    // last warm the JIT up: on 2 cores, C2 compiling the stage's code takes a whole core for the
    // first minute of a cold run, which measures the compiler, not the topology.
    String copies = run + ".passthrough-out";
    admin
        .createTopics(List.of(new NewTopic(copies, topics.metrics().partitions(), (short) 1)))
        .all()
        .get();
    for (int round = 0; round <= WARMUP_ROUNDS; round++) {
      String suffix = round == WARMUP_ROUNDS ? "" : "-warmup-" + round;
      Properties passthrough = new Properties();
      String passthroughId = run + "-passthrough" + suffix;
      passthrough.put(StreamsConfig.APPLICATION_ID_CONFIG, passthroughId);
      passthrough.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      passthrough.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      passthrough.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(passthroughId).toString());
      passthrough.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
      passthrough.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
      CatchUpResult pass;
      try (KafkaStreams streams =
          new KafkaStreams(PassthroughTopology.build(inputs, copies), passthrough)) {
        pass = timeToCatchUp(streams, passthroughId, inputs, records);
      }

      Map<String, String> stageSettings = new HashMap<>(settings);
      String stageId = run + "-precursor" + suffix;
      Path stateDir = work.resolve(stageId + "-state");
      stageSettings.put("streams.application.id", stageId);
      stageSettings.put("streams.state.dir", stateDir.toString());
      CatchUpResult precursor;
      String storeSize = "";
      String heap = "";
      Map<String, Long> changelogBytes;
      try (StreamsStage stage = new StreamsStage(stageSettings)) {
        precursor = timeToCatchUp(stage.kafkaStreams(), stageId, inputs, records, stage);
        storeSize = mib(directorySize(stateDir));
        changelogBytes = changelogBytes(stageId);
        System.gc();
        heap = mib(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      if (round == WARMUP_ROUNDS) {
        StringBuilder byStore = new StringBuilder();
        changelogBytes.forEach(
            (store, bytes) ->
                byStore.append(
                    String.format(Locale.ROOT, " %s %.1f", store, (double) bytes / records)));
        changelogsByStore.add(String.format(Locale.ROOT, "%,d instances:%s", instances, byStore));
      }
      System.out.printf(
          Locale.ROOT,
          "| %,d%s | %,d | %,.0f | %,.0f | %.2f | %.1f / %.1f | %.1f / %.1f | %s | %.0f | %s |%n",
          instances,
          round == WARMUP_ROUNDS ? "" : " (warm-up " + (round + 1) + ")",
          records,
          pass.rate(),
          precursor.rate(),
          precursor.rate() / pass.rate(),
          pass.cpuMicrosPerRecord(),
          precursor.cpuMicrosPerRecord(),
          pass.jvmMicrosPerRecord(),
          precursor.jvmMicrosPerRecord(),
          storeSize,
          (double) changelogBytes.values().stream().mapToLong(Long::longValue).sum() / records,
          heap);
    }
  }

  /**
   * Records per second while every stream thread has its tasks, until everything is committed; the
   * CPU time the application's stream threads spent per record meanwhile; and the CPU time of the
   * whole JVM (the broker's threads, the producers' and the JIT compiler's included) per record
   * meanwhile, which on 2 cores says how much of the machine the run took. The rate on 2 cores also
   * measures whatever else runs; the stream threads' CPU time is the application's own work.
   */
  private record CatchUpResult(double rate, double cpuMicrosPerRecord, double jvmMicrosPerRecord) {}

  private CatchUpResult timeToCatchUp(
      KafkaStreams streams, String applicationId, List<String> inputs, long records)
      throws Exception {
    return timeToCatchUp(streams, applicationId, inputs, records, null);
  }

  private CatchUpResult timeToCatchUp(
      KafkaStreams streams,
      String applicationId,
      List<String> inputs,
      long records,
      StreamsStage stage)
      throws Exception {
    if (stage != null) {
      stage.start();
    } else {
      streams.start();
    }
    long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
    // With more than one thread, the first to join can start alone and hand tasks over at a second
    // rebalance: the clock starts once every thread has its tasks, from what is committed then.
    while (!everyThreadHasTasks(streams)) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException(applicationId + " is " + streams.state());
      }
      Thread.sleep(5); // waiting for a state change of a running application, not a condition test
    }
    CatchUp catchUp = new CatchUp(admin, applicationId, inputs);
    long running = System.nanoTime();
    long threadCpu = streamThreadCpuNanos(applicationId);
    long jvmCpu = jvmCpuNanos();
    long committed = catchUp.committedInputs();
    long done = catchUp.await(TIMEOUT_MILLIS);
    double measured = Math.max(1, records - committed);
    return new CatchUpResult(
        measured / ((done - running) / 1e9),
        (streamThreadCpuNanos(applicationId) - threadCpu) / 1e3 / measured,
        (jvmCpuNanos() - jvmCpu) / 1e3 / measured);
  }

  private static boolean everyThreadHasTasks(KafkaStreams streams) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return false;
    }
    var threads = streams.metadataForLocalThreads();
    return threads.size() == THREADS && threads.stream().allMatch(t -> !t.activeTasks().isEmpty());
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Bytes in the logs of the application's changelog topics on the broker, by store: what it wrote
   * to keep its state, record batches and transaction markers included.
   */
  private Map<String, Long> changelogBytes(String applicationId) throws Exception {
    Map<String, String> stores = new HashMap<>();
    for (String store : PrecursorTopology.storeNames()) {
      stores.put(applicationId + "-" + store + "-changelog", store);
    }
    List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
    Map<String, Long> bytes = new TreeMap<>();
    for (var dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
      for (LogDirDescription dir : dirs.values()) {
        for (var replica : dir.replicaInfos().entrySet()) {
          String store = stores.get(replica.getKey().topic());
          if (store != null) {
            bytes.merge(store, replica.getValue().size(), Long::sum);
          }
        }
      }
    }
    return bytes;
  }

  /** CPU time of the application's stream threads, which live until it closes. */
  private static long streamThreadCpuNanos(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (ThreadInfo thread : threads.dumpAllThreads(false, false)) {
      String name = thread.getThreadName();
      // "<application id>-<process uuid>-StreamThread-<n>": a prefix would also match
      // "<application id>-warmup-0-...".
      if (name.matches(Pattern.quote(applicationId) + "-[0-9a-f-]{36}-StreamThread-\\d+")) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return nanos;
  }

  /**
   * A steady fleet of {@code instances} lasting as long as it takes to make about so many records.
   */
  private long load(int instances, long recordsPerSize, Map<String, String> settings, Topics topics)
      throws Exception {
    // About 20 metrics a minute and the slow queries, per instance.
    double perInstanceMinute = 20 + SLOW_QUERIES_PER_SECOND * 60;
    long minutes = Math.max(1, Math.round(recordsPerSize / (perInstanceMinute * instances)));
    Path exports = work.resolve("fleet-" + instances);
    ScenarioWriter.write(
        SteadyFleet.builder()
            .instances(instances)
            .start(START)
            .duration(Duration.ofMinutes(minutes))
            .slowQueriesPerSecond(SLOW_QUERIES_PER_SECOND)
            .seed(20261123)
            .build(),
        exports);
    IngestConfig config = new IngestConfig(settings);
    try (IngestPublisher publisher = new IngestPublisher(config, topics)) {
      new ExportIngest(config, topics, new IngestCounters()).ingest(exports, publisher);
      publisher.awaitAcknowledged();
      return publisher.published();
    }
  }

  /**
   * One bulk-DML episode per fresh instance, each fed while the topology is idle: memory high, a
   * burst of DELETEs, then the datapoint showing memory fallen, which completes the evidence. The
   * clock runs from handing that datapoint to the producer to the precursor arriving at a
   * read_committed consumer.
   */
  private void latency(int samples) throws Exception {
    String run = "bench-latency";
    Map<String, String> settings = settings(run);
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    List<String> inputs = List.of(topics.slowQueries().name(), topics.metrics().name());
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Long> micros = new ArrayList<>();
    try (StreamsStage stage = new StreamsStage(settings);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<String, byte[]> precursors =
            new KafkaConsumer<>(
                consumerConfig,
                new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      stage.start();
      precursors.subscribe(List.of(topics.precursors().name()));
      CatchUp catchUp = new CatchUp(admin, run + "-precursor", inputs);
      for (int i = 0; i < samples + 5; i++) {
        String instance = "lat-" + i;
        Instant base = START.plus(Duration.ofMinutes(30L * i));
        send(producer, topics.metrics(), instance, metric(instance, base, 12 * GIB));
        for (int d = 0; d < 30; d++) {
          Instant t = base.plusSeconds(60).plusMillis(500L * d);
          send(producer, topics.slowQueries(), instance, delete(instance, "e" + i + "-" + d, t));
        }
        producer.flush();
        catchUp.await(TIMEOUT_MILLIS);
        long sent = System.nanoTime();
        send(
            producer, topics.metrics(), instance, metric(instance, base.plusSeconds(120), 6 * GIB));
        producer.flush();
        long arrived = awaitPrecursor(precursors, instance);
        if (i >= 5) { // the first few warm the JIT and the stores up
          micros.add((arrived - sent) / 1000);
        }
      }
    }
    Collections.sort(micros);
    System.out.printf(
        Locale.ROOT,
        "%nlatency, completing record -> precursor readable (read_committed), %d samples:"
            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        micros.size(),
        percentile(micros, 50) / 1000.0,
        percentile(micros, 99) / 1000.0,
        micros.get(micros.size() - 1) / 1000.0);
  }

  private static long awaitPrecursor(KafkaConsumer<String, byte[]> consumer, String instance) {
    long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      for (var record : consumer.poll(Duration.ofMillis(5))) {
        if (record.key().equals(instance)) {
          return System.nanoTime();
        }
      }
    }
    throw new IllegalStateException("no precursor for " + instance);
  }

  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
    producer.send(
        new ProducerRecord<>(
            topic.name(),
            topic.keySerde().serializer().serialize(topic.name(), key),
            topic.valueSerde().serializer().serialize(topic.name(), value)));
  }

  private static MetricSample metric(String instance, Instant at, double value) {
    return MetricSample.newBuilder()
        .setInstance(instance)
        .setCluster("c-" + instance)
        .setScope(MetricScope.INSTANCE)
        .setMetric("FreeableMemory")
        .setTime(at)
        .setValue(value)
        .build();
  }

  private static SlowQueryEntry delete(String instance, String eventId, Instant at) {
    String fingerprint = "delete from ad_logs where log_date between ? and ? limit ?";
    return SlowQueryEntry.newBuilder()
        .setInstance(instance)
        .setCluster("c-" + instance)
        .setLogGroup("/aws/rds/cluster/c-" + instance + "/slowquery")
        .setEventId(eventId)
        .setEventTime(at)
        .setQueryTimeSeconds(4.2)
        .setLockTimeSeconds(0.001)
        .setRowsSent(0)
        .setRowsExamined(10_000)
        .setStatementKind(StatementKind.DELETE)
        .setTables(List.of("ad_logs"))
        .setFingerprint(fingerprint)
        .setFingerprintHash(fingerprint.hashCode())
        .build();
  }

  private static long directorySize(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
