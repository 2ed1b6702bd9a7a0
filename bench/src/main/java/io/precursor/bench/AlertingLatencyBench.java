package io.precursor.bench;

import io.precursor.alerting.AlertingConfig;
import io.precursor.alerting.AlertingService;
import io.precursor.embedded.EmbeddedKafkaBroker;
import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency from a precursor committed to Kafka (the producer's acknowledgement) to the Slack POST
 * received, through the real alerting stage on the embedded broker, with alerts spread evenly over
 * local Slack stand-ins that enforce Slack's limit of about one message a second per webhook.
 *
 * <p>Arguments: {@code RATE_PER_SECOND SECONDS WEBHOOKS [DRAIN_SECONDS]}, e.g. {@code 100 30 20}.
 */
public final class AlertingLatencyBench {

  private static final Pattern ID = Pattern.compile("bench-(\\d{6})");

  private AlertingLatencyBench() {}

  public static void main(String[] args) throws Exception {
    double rate = Double.parseDouble(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int webhookCount = Integer.parseInt(args[2]);
    int drainSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    int total = (int) Math.round(rate * seconds);

    List<LocalSlackWebhook> slacks = new ArrayList<>();
    Map<Integer, Long> committedAt = new ConcurrentHashMap<>();
    Map<Integer, Long> receivedAt = new ConcurrentHashMap<>();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> props = new HashMap<>();
      props.put(TopicsConfig.TOPIC_PREFIX, "bench.");
      props.put(TopicsConfig.PARTITIONS, 6);
      props.put(TopicsConfig.REPLICATION_FACTOR, "1");
      props.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://alerting-bench");
      props.put(AlertingConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      List<String> names = new ArrayList<>();
      List<String> routes = new ArrayList<>();
      for (int w = 0; w < webhookCount; w++) {
        LocalSlackWebhook slack = LocalSlackWebhook.start();
        slack.rateLimit(1.0, 3);
        slack.onAccepted(
            body -> {
              Matcher m = ID.matcher(body);
              if (m.find()) {
                receivedAt.putIfAbsent(Integer.parseInt(m.group(1)), System.nanoTime());
              }
            });
        slacks.add(slack);
        String name = String.format("w%02d", w);
        if (w == 0) {
          props.put(AlertingConfig.WEBHOOK_URL, slack.url().toString());
          props.put(AlertingConfig.WEBHOOK_NAME, name);
        } else {
          names.add(name);
          props.put(AlertingConfig.WEBHOOK_PREFIX + name + ".url", slack.url().toString());
        }
        String route = "r" + name;
        routes.add(route);
        props.put(AlertingConfig.ROUTE_PREFIX + route + ".instances", instance(w));
        props.put(AlertingConfig.ROUTE_PREFIX + route + ".webhooks", name);
      }
      props.put(AlertingConfig.WEBHOOKS, String.join(",", names));
      props.put(AlertingConfig.ROUTES, String.join(",", routes));
      props.put(AlertingConfig.ROUTES_UNMATCHED, "drop");
      Topics topics = new Topics(new TopicsConfig(props));
      TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());

      AlertingService alerting = new AlertingService(new AlertingConfig(props), topics);
      Thread thread = new Thread(alerting, "alerting");
      thread.start();

      Map<String, Object> producerProps = new HashMap<>();
      producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
      producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      try (var producer =
          new KafkaProducer<>(
              producerProps,
              new StringSerializer(),
              topics.precursors().valueSerde().serializer())) {
        // A warm-up alert, not measured: once it arrives the consumer has joined its group.
        int warmUp = 999_999;
        producer.send(
            new ProducerRecord<>(
                topics.precursors().name(), instance(0), precursor(warmUp, instance(0))));
        producer.flush();
        while (!receivedAt.containsKey(warmUp)) {
          Thread.sleep(50); // a benchmark's start-up wait, not test synchronisation
        }
        receivedAt.remove(warmUp);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
          long due = start + (long) (i * 1e9 / rate);
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
          int index = i;
          String instance = instance(i % webhookCount);
          producer.send(
              new ProducerRecord<>(topics.precursors().name(), instance, precursor(i, instance)),
              (meta, error) -> {
                if (error == null) {
                  committedAt.put(index, System.nanoTime());
                }
              });
        }
        producer.flush();
      }
      long produced = System.nanoTime();
      long drainDeadline = produced + Duration.ofSeconds(drainSeconds).toNanos();
      while (receivedAt.size() < total && System.nanoTime() < drainDeadline) {
        Thread.sleep(100); // a benchmark's progress loop, not test synchronisation
      }
      long done = System.nanoTime();
      alerting.close();
      thread.join();

      report(rate, seconds, webhookCount, total, committedAt, receivedAt, produced, done);
    } finally {
      slacks.forEach(LocalSlackWebhook::close);
    }
  }

  private static String instance(int webhook) {
    return String.format("bench-db-%02d", webhook);
  }

  private static FailoverPrecursor precursor(int i, String instance) {
    Instant now = Instant.now();
    return FailoverPrecursor.newBuilder()
        .setId(String.format("bench-%06d", i))
        .setKind(PrecursorKind.BULK_DML_MEMORY_PRESSURE)
        .setSeverity(Severity.CRITICAL)
        .setInstance(instance)
        .setCluster("bench")
        .setRole("WRITER")
        .setWindowStart(now.minusSeconds(600))
        .setWindowEnd(now)
        .setDetectedAt(now)
        .setSummary("bench precursor " + i)
        .setHint("none")
        .setTopFingerprints(List.of())
        .setMetrics(List.of())
        .build();
  }

  private static void report(
      double rate,
      int seconds,
      int webhooks,
      int total,
      Map<Integer, Long> committedAt,
      Map<Integer, Long> receivedAt,
      long producedNanos,
      long doneNanos) {
    double[] latencies =
        receivedAt.entrySet().stream()
            .filter(e -> committedAt.containsKey(e.getKey()))
            .mapToDouble(e -> (e.getValue() - committedAt.get(e.getKey())) / 1e6)
            .sorted()
            .toArray();
    long firstCommit = committedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long lastReceive = receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
    System.out.printf(
        "RESULT rate=%.1f/s seconds=%d webhooks=%d offered=%d delivered=%d"
            + " p50=%.0fms p90=%.0fms p99=%.0fms max=%.0fms min=%.0fms"
            + " throughput=%.2f/s drain_after_last_produce=%.1fs%n",
        rate,
        seconds,
        webhooks,
        total,
        latencies.length,
        percentile(latencies, 0.50),
        percentile(latencies, 0.90),
        percentile(latencies, 0.99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1],
        latencies.length == 0 ? 0 : latencies[0],
        latencies.length / ((lastReceive - firstCommit) / 1e9),
        (doneNanos - producedNanos) / 1e9);
    System.out.println("LATENCY_DECILES_MS " + Arrays.toString(deciles(latencies)));
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static long[] deciles(double[] sorted) {
    long[] out = new long[11];
    for (int d = 0; d <= 10; d++) {
      out[d] = Math.round(percentile(sorted, Math.max(0.001, d / 10.0)));
    }
    return out;
  }
}
