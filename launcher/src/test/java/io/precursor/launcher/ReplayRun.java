package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A {@code precursor replay} run on a given broker, with what it produced read back from its
 * replay-scoped topics (every field of every precursor and incident, not only what it printed).
 */
record ReplayRun(CommandRun command, ReplayResult result) {

  private static final Pattern RUN = Pattern.compile("replay (\\S+) of ");

  static ReplayRun on(String bootstrapServers, String... args) {
    List<String> all = new ArrayList<>(List.of("replay", "--bootstrap-servers", bootstrapServers));
    all.addAll(List.of("--set", TopicsConfig.REPLICATION_FACTOR + "=1"));
    all.addAll(List.of(args));
    CommandRun command = CommandRun.of(all.toArray(String[]::new));
    assertThat(command.exitCode()).as(command.output()).isZero();
    Matcher run = RUN.matcher(command.output());
    assertThat(run.find()).as("the run id in " + command.output()).isTrue();
    Topics topics =
        new Topics(
            new TopicsConfig(
                Map.of(
                    TopicsConfig.TOPIC_PREFIX,
                    "replay-" + run.group(1) + ".",
                    TopicsConfig.SCHEMA_REGISTRY_URL,
                    "mock://precursor-replay")));
    assertRetainedForGood(bootstrapServers, topics);
    return new ReplayRun(command, ReplayResult.read(bootstrapServers, topics));
  }

  /**
   * The run's topics keep their records whatever their age, whatever the broker's default: a
   * replayed window is often weeks old, older than a cluster's time-based retention.
   */
  private static void assertRetainedForGood(String bootstrapServers, Topics topics) {
    List<ConfigResource> resources =
        topics.all().stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
            .toList();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
      assertThat(configs).hasSameSizeAs(resources);
      configs.forEach(
          (topic, config) -> {
            ConfigEntry retention = config.get("retention.ms");
            // set on the topic, not inherited: the test brokers keep everything by default too
            assertThat(retention.source())
                .as(topic.name())
                .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(retention.value()).as(topic.name()).isEqualTo("-1");
          });
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError("cannot read the replay topics' configs", e);
    }
  }
}
