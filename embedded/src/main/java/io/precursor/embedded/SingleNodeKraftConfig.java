package io.precursor.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server properties of one combined KRaft broker and controller that is a whole cluster on
 * loopback.
 */
final class SingleNodeKraftConfig {

  static final String LOOPBACK_HOST = "127.0.0.1";
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final int NODE_ID = 1;

  // Replication factors above one can never be met by a single node; the rest keeps tests quick.
  private static final Map<String, String> SINGLE_NODE_DEFAULTS =
      Map.ofEntries(
          Map.entry("offsets.topic.replication.factor", "1"),
          Map.entry("transaction.state.log.replication.factor", "1"),
          Map.entry("transaction.state.log.min.isr", "1"),
          Map.entry("share.coordinator.state.topic.replication.factor", "1"),
          Map.entry("share.coordinator.state.topic.min.isr", "1"),
          // Fifty partitions per internal topic (the default) slow the first group and transaction.
          Map.entry("offsets.topic.num.partitions", "5"),
          Map.entry("transaction.state.log.num.partitions", "5"),
          // Nobody else will join, so waiting for more members only delays every first poll.
          Map.entry("group.initial.rebalance.delay.ms", "0"),
          Map.entry("group.streams.initial.rebalance.delay.ms", "0"),
          // A typo in a topic name must fail, as it does against the real cluster.
          Map.entry("auto.create.topics.enable", "false"),
          // One partition unless a test asks for more, so record order is total by default.
          Map.entry("num.partitions", "1"),
          // A node that cannot come up fails its caller within a minute instead of hanging it.
          Map.entry("server.max.startup.time.ms", "60000"),
          // The default 128 MiB de-duplication buffer is allocated up front and adds ~120 MB RSS.
          Map.entry("log.cleaner.dedupe.buffer.size", "2097152"),
          // Records carry their event time as timestamp, and what the demo, the tests and replays
          // write is days or weeks old: under Kafka's 7-day default a retention check would delete
          // it minutes after it was written. The broker lives for one session in a temp directory.
          Map.entry("log.retention.ms", "-1"),
          // Kafka Streams gives windowed changelogs their own retention, which the same old
          // timestamps breach: a check between a crash and the restore would empty them. One check
          // a day (after the first, 30 s in) is none for a broker that lives for a session.
          Map.entry("log.retention.check.interval.ms", "86400000"));

  // Set by the embedded broker: changing them could expose it beyond loopback or break its quorum.
  private static final Set<String> WIRING =
      Set.of(
          "process.roles",
          "node.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "controller.listener.names",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "log.dir",
          "log.dirs",
          "metadata.log.dir");

  private SingleNodeKraftConfig() {}

  /** Fails when an override names a property that wires the node rather than tunes the broker. */
  static void requireTuningOnly(Map<String, String> overrides) {
    Set<String> rejected = new TreeSet<>(overrides.keySet());
    rejected.retainAll(WIRING);
    if (!rejected.isEmpty()) {
      throw new IllegalArgumentException(
          "the embedded broker sets "
              + rejected
              + " itself (loopback listeners, one-node quorum, temporary directory);"
              + " override broker behaviour only");
    }
  }

  /**
   * Properties for a node storing its data and metadata in {@code dataDir}, with the controller on
   * {@code controllerPort} and the broker listener on a port chosen at bind time.
   */
  static Map<String, String> properties(
      Path dataDir, int controllerPort, Map<String, String> overrides) {
    requireTuningOnly(overrides);
    Map<String, String> props = new LinkedHashMap<>(SINGLE_NODE_DEFAULTS);
    props.putAll(overrides);
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + LOOPBACK_HOST
            + ":0,"
            + CONTROLLER_LISTENER
            + "://"
            + LOOPBACK_HOST
            + ":"
            + controllerPort);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK_HOST + ":" + controllerPort);
    props.put("log.dirs", dataDir.toString());
    return Map.copyOf(props);
  }
}
