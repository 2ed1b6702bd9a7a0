package io.precursor.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.streams.precursor.Finding;
import io.precursor.streams.precursor.PrecursorCatalogue;
import io.precursor.streams.precursor.WindowFinding;
import io.precursor.streams.window.InstanceSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

/**
 * The rules' remembered findings against running every rule on every window update: on a long,
 * shuffled, partly late mix of every kind of signal, over several instances with failovers, each
 * finding passed on (window, kind, severity, summary, evidence, detection time) must be the same,
 * in the same order.
 */
class RememberedFindingsTest {

  private static final long T0 = 1_794_906_000_000L; // 2026-11-17T09:00:00Z, a whole minute
  private static final long MINUTE = 60_000;
  private static final List<String> INSTANCES = List.of("db-1", "db-2");
  private static final List<String> NOISE = List.of("NetworkThroughput", "DatabaseConnections");

  @Test
  void shouldPassOnWhatRunningEveryRuleEveryTimeWould() {
    List<InstanceSignal> signals = signals(new Random(20261123));
    List<Passed> everyTime = findings(signals, 0);
    List<Passed> remembered = findings(signals, INSTANCES.size());

    Set<String> kindsFired = new TreeSet<>();
    everyTime.stream()
        .map(p -> p.found().finding())
        .filter(Finding::fires)
        .forEach(f -> kindsFired.add(f.kind().name()));
    assertThat(kindsFired).as("the mix makes most rules fire").hasSizeGreaterThanOrEqualTo(6);
    assertThat(everyTime).hasSizeGreaterThan(5_000);
    assertThat(remembered).isEqualTo(everyTime);
  }

  /** Every finding passed on, in order, in full. */
  private static List<Passed> findings(List<InstanceSignal> signals, int rememberedInstances) {
    StreamsBuilder builder = new StreamsBuilder();
    StreamsStageConfig config = new StreamsStageConfig(Map.of("bootstrap.servers", "unused:9092"));
    List<Passed> passedOn = new ArrayList<>();
    PrecursorTopology.findings(
            builder,
            builder.stream("signals", Consumed.with(Serdes.String(), Serdes.Integer()))
                .mapValues(signals::get),
            config,
            PrecursorCatalogue.from(config),
            rememberedInstances)
        .foreach((instance, found) -> passedOn.add(new Passed(instance, found)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "remembered-findings-" + rememberedInstances);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, Integer> input =
          driver.createInputTopic("signals", new StringSerializer(), new IntegerSerializer());
      for (int i = 0; i < signals.size(); i++) {
        InstanceSignal signal = signals.get(i);
        input.pipeInput(instanceOf(signal), i, signal.time());
      }
    }
    return passedOn;
  }

  /** The instance a signal is about, carried in its cluster field ("cluster/instance"). */
  private static String instanceOf(InstanceSignal signal) {
    return signal.cluster().substring(signal.cluster().indexOf('/') + 1);
  }

  /**
   * An hour and a half of two instances: quiet first (so baselines form), then each instance goes
   * through bulk DML with falling memory, a write-I/O climb, deadlock bursts, credit exhaustion,
   * replica lag and full scans, at different times, with a failover that swaps roles. Records are
   * held back by up to 4 minutes (the grace is 5), and 1 in 100 by 12 minutes (past it).
   */
  private static List<InstanceSignal> signals(Random random) {
    List<Timed> timed = new ArrayList<>();
    for (int n = 0; n < INSTANCES.size(); n++) {
      String instance = INSTANCES.get(n);
      String cluster = "prod/" + instance;
      long trouble = T0 + (40 + 20L * n) * MINUTE;
      for (long t = T0; t < T0 + 90 * MINUTE; t += MINUTE) {
        boolean bad = t >= trouble && t < trouble + 30 * MINUTE;
        double into = bad ? (t - trouble) / (double) MINUTE : 0;
        metric(timed, cluster, "FreeableMemory", t, bad ? 12e9 - into * 3e8 : 12e9, random);
        metric(timed, cluster, "CommitLatency", t, bad ? 2 + into * into : 2, random);
        metric(timed, cluster, "DiskQueueDepth", t, bad ? 1 + into * 2 : 1, random);
        metric(timed, cluster, "WriteIOPS", t, 3000, random);
        metric(timed, cluster, "ReadLatency", t, bad ? 5 + into : 5, random);
        metric(timed, cluster, "CPUUtilization", t, bad ? 40 + into * 1.5 : 35, random);
        metric(timed, cluster, "ReadIOPS", t, bad ? 800 + into * 100 : 800, random);
        metric(timed, cluster, "Deadlocks", t, bad ? 0.01 * into : 0, random);
        metric(timed, cluster, "DMLLatency", t, bad ? 3 + into : 3, random);
        metric(timed, cluster, "BinLogDiskUsage", t, 1e9 + (bad ? into * 5e8 : 0), random);
        metric(
            timed, cluster, "CPUCreditBalance", t, bad ? Math.max(0, 200 - into * 8) : 200, random);
        metric(timed, cluster, "AuroraReplicaLag", t, bad ? 20 + into * into * 10 : 20, random);
        for (String noise : NOISE) {
          metric(timed, cluster, noise, t, 100, random);
        }
        int queries = bad ? 12 : 3;
        for (int q = 0; q < queries; q++) {
          long at = t + random.nextInt((int) MINUTE);
          int fingerprint = random.nextInt(bad ? 8 : 4);
          String kind =
              fingerprint % 3 == 0 ? "DELETE" : fingerprint % 3 == 1 ? "SELECT" : "UPDATE";
          long rows = bad && fingerprint >= 4 ? 2_000_000L + random.nextInt(5_000_000) : 500;
          timed.add(
              new Timed(
                  at + random.nextInt(4 * (int) MINUTE),
                  new InstanceSignal(
                      cluster,
                      new InstanceSignal.SlowQuery(
                          at,
                          kind,
                          List.of("orders", fingerprint % 2 == 0 ? "events" : "users"),
                          kind.toLowerCase() + " query ?" + fingerprint,
                          1_000 + fingerprint,
                          rows,
                          kind.equals("SELECT") ? 0 : rows,
                          kind.equals("SELECT") ? 10 : 0,
                          bad ? 5 + random.nextInt(60) : 1.5,
                          random.nextInt(bad ? 2_000 : 10)),
                      null,
                      null,
                      null)));
        }
        if (bad && random.nextInt(3) == 0) {
          timed.add(
              new Timed(
                  t + 30_000,
                  new InstanceSignal(
                      cluster,
                      null,
                      null,
                      new InstanceSignal.ErrorLog(t + 30_000, "DEADLOCK", List.of("orders")),
                      null)));
        }
      }
      long failover = trouble + 32 * MINUTE;
      timed.add(new Timed(failover, lifecycle(cluster, failover, "FAILOVER_STARTED", null)));
      timed.add(
          new Timed(
              failover + MINUTE,
              lifecycle(cluster, failover + MINUTE, "FAILOVER_COMPLETED", "READER")));
    }
    timed.sort(Comparator.comparingLong(Timed::arrival));
    return timed.stream().map(Timed::signal).toList();
  }

  private static void metric(
      List<Timed> timed, String cluster, String name, long t, double value, Random random) {
    double jittered = value * (1 + 0.02 * random.nextGaussian());
    long arrival = t + random.nextInt(4 * (int) MINUTE);
    if (random.nextInt(100) == 0) {
      arrival = t + 12 * MINUTE; // past the grace
    }
    timed.add(
        new Timed(
            arrival,
            new InstanceSignal(
                cluster, null, new InstanceSignal.Metric(name, t, jittered), null, null)));
  }

  private static InstanceSignal lifecycle(String cluster, long at, String kind, String role) {
    return new InstanceSignal(
        cluster, null, null, null, new InstanceSignal.Lifecycle(at, kind, role));
  }

  /** A finding as passed on for an instance: window, kind, severity, summary, evidence, time. */
  private record Passed(String instance, WindowFinding found) {}

  /** A signal and when it reaches the topology. */
  private record Timed(long arrival, InstanceSignal signal) {}
}
