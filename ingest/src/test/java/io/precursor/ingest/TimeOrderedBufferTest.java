package io.precursor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeOrderedBufferTest {

  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://time-ordered-buffer")));

  @TempDir Path spill;

  @Test
  void shouldGiveTheSameOrderWhenItSpillsSortedRunsAsWhenItHoldsEverything() throws IOException {
    // given records in shuffled time order with many ties, of two value types on two topics
    Instant start = Instant.parse("2026-11-17T09:00:00Z");
    Random random = new Random(20261123);
    RecordingSink inMemory = new RecordingSink();
    RecordingSink spilling = new RecordingSink();
    TimeOrderedBuffer all = new TimeOrderedBuffer(inMemory);
    int runsWritten;
    try (TimeOrderedBuffer bounded = new TimeOrderedBuffer(spilling, 97, spill)) {
      for (int i = 0; i < 5_000; i++) {
        // 40 distinct seconds: about 125 records per timestamp, so ties decide most of the order
        Instant time = start.plusSeconds(random.nextInt(40));
        String instance = "ads-prod-" + random.nextInt(4);
        if (i % 50 == 0) {
          DbEvent event = event(instance, time, i);
          all.publish(topics.dbEvents(), instance, event, time);
          bounded.publish(topics.dbEvents(), instance, event, time);
        } else {
          MetricSample sample = sample(instance, time, i);
          all.publish(topics.metrics(), instance, sample, time);
          bounded.publish(topics.metrics(), instance, sample, time);
        }
        assertThat(bounded.size()).as("held in memory").isLessThan(97);
      }
      runsWritten = bounded.spilledRuns();

      // when
      all.flush();
      bounded.flush();
    }

    // then the merged runs give exactly the in-memory order, values and keys included
    assertThat(runsWritten).isEqualTo(5_000 / 97);
    assertThat(spilling.published).hasSize(5_000).containsExactlyElementsOf(inMemory.published);
    assertThat(inMemory.published.get(0).time()).isEqualTo(start);
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).as("run files deleted after the merge").isEmpty();
    }
  }

  @Test
  void shouldDeleteItsRunsWhenClosedWithoutFlushing() throws IOException {
    // given a buffer that spilled, then failed before its flush
    Instant time = Instant.parse("2026-11-17T09:00:00Z");
    RecordingSink sink = new RecordingSink();
    try (TimeOrderedBuffer buffer = new TimeOrderedBuffer(sink, 2, spill)) {
      for (int i = 0; i < 5; i++) {
        buffer.publish(topics.metrics(), "i", sample("i", time, i), time);
      }
      assertThat(buffer.spilledRuns()).isEqualTo(2);
    }

    // then nothing was handed on and nothing is left on disk
    assertThat(sink.published).isEmpty();
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).isEmpty();
    }
  }

  private static MetricSample sample(String instance, Instant time, int i) {
    return MetricSample.newBuilder()
        .setInstance(instance)
        .setCluster(i % 3 == 0 ? null : "ads-prod")
        .setScope(MetricScope.INSTANCE)
        .setMetric("FreeableMemory")
        .setTime(time)
        .setValue(i * 1.5)
        .build();
  }

  private static DbEvent event(String instance, Instant time, int i) {
    return DbEvent.newBuilder()
        .setSourceId(instance)
        .setSourceType(DbEventSourceType.DB_INSTANCE)
        .setInstance(instance)
        .setTime(time)
        .setKind(DbEventKind.REBOOT)
        .setMessage("DB instance restarted " + i)
        .setCategories(List.of("availability"))
        .build();
  }
}
