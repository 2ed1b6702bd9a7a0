package io.precursor.scenarios.awscli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KinesisGetRecordsWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-17T09:00:00Z");

  @TempDir Path directory;

  @Test
  void shouldWriteOneFileNamedAfterTheStreamWhenOneCallHoldsAllRecords() throws IOException {
    KinesisExport export =
        writer(10_000).write(directory, START, List.of(source("ads-prod-1", 0, 1, 1)));

    assertThat(export.files()).containsExactly(directory.resolve("logs.json"));
    // the control message, then one batch: the events are within CloudWatch's 2 s window
    assertThat(export.records()).isEqualTo(2);
    assertThat(export.logEventsByType()).containsEntry("slowquery", 3L);
  }

  @Test
  void shouldSplitIntoNumberedCallsWithAnIteratorOnAllButTheLast() throws IOException {
    // events 10 s apart never share a record: 1 control + 5 data records, 2 per file
    KinesisExport export =
        writer(2).write(directory, START, List.of(source("ads-prod-1", 0, 10, 20, 30, 40)));

    assertThat(export.files())
        .containsExactly(
            directory.resolve("logs-00001.json"),
            directory.resolve("logs-00002.json"),
            directory.resolve("logs-00003.json"));
    assertThat(JSON.readTree(export.files().get(0).toFile()).path("NextShardIterator").isTextual())
        .isTrue();
    assertThat(JSON.readTree(export.files().get(2).toFile()).path("NextShardIterator").isNull())
        .isTrue();
    assertThat(JSON.readTree(export.files().get(2).toFile()).path("Records")).hasSize(2);
  }

  @Test
  void shouldInterleaveStreamsByArrivalAndKeepEachRecordToOneStream() throws IOException {
    KinesisExport export =
        writer(10_000)
            .write(
                directory,
                START,
                List.of(source("ads-prod-1", 0, 20), source("ads-prod-2", 10, 30)));

    List<String> streams = new ArrayList<>();
    for (JsonNode record : JSON.readTree(export.files().get(0).toFile()).path("Records")) {
      JsonNode payload = gunzip(record.path("Data").asText());
      streams.add(payload.path("logStream").asText());
    }
    assertThat(streams).containsExactly("", "ads-prod-1", "ads-prod-2", "ads-prod-1", "ads-prod-2");
  }

  @Test
  void shouldRefuseMoreRecordsPerFileThanGetRecordsReturns() {
    assertThatThrownBy(() -> writer(10_001)).isInstanceOf(IllegalArgumentException.class);
  }

  private static KinesisGetRecordsWriter writer(int recordsPerFile) {
    return new KinesisGetRecordsWriter("logs", "123456789012", "precursor", 0, recordsPerFile);
  }

  private static LogSource source(String instance, int... seconds) {
    LogStream stream = new LogStream("/aws/rds/cluster/ads-prod/slowquery", instance);
    return new LogSource() {
      @Override
      public LogStream stream() {
        return stream;
      }

      @Override
      public Iterator<LogEvent> events() {
        List<LogEvent> events = new ArrayList<>();
        for (int second : seconds) {
          events.add(new LogEvent(START.plusSeconds(second), "entry at " + second));
        }
        return events.iterator();
      }
    };
  }

  private static JsonNode gunzip(String base64) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return JSON.readTree(in);
    }
  }
}
