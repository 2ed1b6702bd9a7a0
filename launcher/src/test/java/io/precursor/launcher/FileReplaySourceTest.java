package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.IngestCounters;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a replay of files says when a file cannot be read at all. */
class FileReplaySourceTest {

  // Nothing is sent: reading stops before the first record is published.
  private final Settings settings =
      Settings.load(List.of(), null, Map.of(), Map.of("bootstrap.servers", "127.0.0.1:1"));
  private final Topics topics =
      new Topics(new TopicsConfig(Map.of(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://file-source")));

  @Test
  void shouldNameTheQueriesFileAndTheLineWhereItStopsBeingJson(@TempDir Path dir) throws Exception {
    BundledScenarios.extract("seed-000", dir);
    Path queries = dir.resolve("metrics/queries.json");
    Files.writeString(queries, "[\n  {\"Id\": \"m0\",\n  oops\n");

    assertThatThrownBy(
            () ->
                new FileReplaySource(dir)
                    .load(settings, topics, sink -> sink, new IngestCounters()))
        .isInstanceOf(ReplaySourceException.class)
        .hasMessageStartingWith(queries + " is not valid JSON at line 3");
  }

  @Test
  void shouldSayWhatADirectoryWithoutExportsLacks(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                new FileReplaySource(dir)
                    .load(settings, topics, sink -> sink, new IngestCounters()))
        .isInstanceOf(ReplaySourceException.class)
        .hasMessage(dir + " holds none of kinesis/, logs/, metrics/, events/, eventbridge/");
  }
}
