package io.precursor.scenarios.awscli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.scenarios.awscli.FilterLogEventsWriter.LogGroupExport;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterLogEventsWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-17T09:00:00Z");

  @TempDir Path directory;

  @Test
  void shouldWriteEachLogGroupIntoTheFoldersThatSpellItWithItsStreamsInterleavedByTime()
      throws IOException {
    // given two slow log streams and an error log stream of one cluster
    List<LogSource> sources =
        List.of(
            source("slowquery", "ads-prod-1", 0, 20),
            source("slowquery", "ads-prod-2", 10, 30),
            source("error", "ads-prod-1", 5));

    // when
    List<LogGroupExport> groups = new FilterLogEventsWriter(7, 10_000).write(directory, sources);

    // then one file per group, under logs/<group>, its events in timestamp order across streams
    assertThat(groups)
        .extracting(LogGroupExport::logGroup, LogGroupExport::events)
        .containsExactly(
            tuple("/aws/rds/cluster/ads-prod/error", 1L),
            tuple("/aws/rds/cluster/ads-prod/slowquery", 4L));
    Path slow =
        directory.resolve("aws/rds/cluster/ads-prod/slowquery/filter-log-events-00001.json");
    assertThat(groups.get(1).files()).containsExactly(slow);
    JsonNode page = JSON.readTree(slow.toFile());
    List<String> streams = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (JsonNode event : page.path("events")) {
      streams.add(event.path("logStreamName").asText());
      times.add(event.path("timestamp").asLong());
      assertThat(event.path("ingestionTime").asLong())
          .isGreaterThan(event.path("timestamp").asLong());
      assertThat(event.path("eventId").asText()).hasSize(56);
    }
    assertThat(streams).containsExactly("ads-prod-1", "ads-prod-2", "ads-prod-1", "ads-prod-2");
    assertThat(times).isSorted();
    assertThat(page.has("nextToken")).as("the last page has no nextToken").isFalse();
    assertThat(page.path("searchedLogStreams")).hasSize(2);
  }

  @Test
  void shouldGiveEachEventTheIdItsKinesisExportGivesIt() throws IOException {
    // given the same streams written both ways
    List<LogSource> sources =
        List.of(source("slowquery", "ads-prod-2", 1, 2), source("slowquery", "ads-prod-1", 3));
    List<LogGroupExport> groups =
        new FilterLogEventsWriter(7, 10_000).write(directory.resolve("logs"), sources);
    KinesisExport kinesis =
        new KinesisGetRecordsWriter("logs", "123456789012", "precursor", 7, 10_000)
            .write(directory.resolve("kinesis"), START, sources);

    // then the ids are the same (streams numbered in name order, events in stream order)
    List<String> fromLogs = new ArrayList<>();
    for (JsonNode event : JSON.readTree(groups.get(0).files().get(0).toFile()).path("events")) {
      fromLogs.add(event.path("eventId").asText());
    }
    assertThat(fromLogs)
        .containsExactly(
            SubscriptionPayload.eventId(START.plusSeconds(1), 1, 0),
            SubscriptionPayload.eventId(START.plusSeconds(2), 1, 1),
            SubscriptionPayload.eventId(START.plusSeconds(3), 0, 0));
    assertThat(kinesis.logEventsByType()).containsEntry("slowquery", 3L);
  }

  @Test
  void shouldSplitIntoNumberedPagesWithATokenOnAllButTheLast() throws IOException {
    List<LogGroupExport> groups =
        new FilterLogEventsWriter(7, 2)
            .write(directory, List.of(source("slowquery", "ads-prod-1", 0, 1, 2, 3, 4)));

    List<Path> files = groups.get(0).files();
    assertThat(files).hasSize(3);
    assertThat(JSON.readTree(files.get(0).toFile()).path("nextToken").isTextual()).isTrue();
    assertThat(JSON.readTree(files.get(1).toFile()).path("events")).hasSize(2);
    assertThat(JSON.readTree(files.get(2).toFile()).has("nextToken")).isFalse();
    assertThat(JSON.readTree(files.get(2).toFile()).path("events")).hasSize(1);
  }

  @Test
  void shouldRefuseMoreEventsPerFileThanFilterLogEventsReturns() {
    assertThatThrownBy(() -> new FilterLogEventsWriter(7, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LogSource source(String type, String instance, int... seconds) {
    LogStream stream = new LogStream("/aws/rds/cluster/ads-prod/" + type, instance);
    return new LogSource() {
      @Override
      public LogStream stream() {
        return stream;
      }

      @Override
      public Iterator<LogEvent> events() {
        List<LogEvent> events = new ArrayList<>();
        for (int second : seconds) {
          events.add(new LogEvent(START.plusSeconds(second), type + " entry at " + second));
        }
        return events.iterator();
      }
    };
  }
}
