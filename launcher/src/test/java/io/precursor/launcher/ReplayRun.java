package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    return new ReplayRun(command, ReplayResult.read(bootstrapServers, topics));
  }
}
