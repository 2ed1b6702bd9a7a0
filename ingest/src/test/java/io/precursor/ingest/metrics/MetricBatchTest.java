package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

class MetricBatchTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void shouldPutAtMostFiveHundredQueriesInARequest() {
    List<MetricSeries> series = series(1201);

    List<MetricBatch> batches = MetricBatch.plan(series, 500, FIVE_MINUTES, MINUTE);

    assertThat(batches).extracting(b -> b.seriesById().size()).containsExactly(500, 500, 201);
    assertThat(batches.stream().flatMap(b -> b.seriesById().values().stream()))
        .containsExactlyElementsOf(series);
  }

  @Test
  void shouldNameQueriesWithIdsCloudWatchAcceptsUniqueInTheirRequest() {
    List<MetricBatch> batches = MetricBatch.plan(series(700), 500, FIVE_MINUTES, MINUTE);

    for (MetricBatch batch : batches) {
      assertThat(batch.seriesById().keySet())
          .allMatch(id -> id.matches("[a-z][a-zA-Z0-9_]*"))
          .doesNotHaveDuplicates();
    }
    assertThat(batches.get(1).seriesById()).containsKey("q0");
  }

  @Test
  void shouldMakeSmallerRequestsWhenTheWindowWouldPassTheDatapointLimit() {
    // A day at one minute is 1440 datapoints a series; 100,800 / 1440 = 70 series a request.
    List<MetricBatch> batches = MetricBatch.plan(series(200), 500, Duration.ofDays(1), MINUTE);

    assertThat(batches).extracting(b -> b.seriesById().size()).containsExactly(70, 70, 60);
  }

  @Test
  void shouldHonourASmallerConfiguredLimit() {
    assertThat(MetricBatch.plan(series(25), 10, FIVE_MINUTES, MINUTE))
        .extracting(b -> b.seriesById().size())
        .containsExactly(10, 10, 5);
    assertThatThrownBy(() -> MetricBatch.plan(series(1), 501, FIVE_MINUTES, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAskForEachSeriesMetricDimensionsPeriodAndStatisticOverTheWindow() {
    MetricBatch batch =
        MetricBatch.plan(
                List.of(
                    MetricSeries.ofInstance("ads-prod-1", "ads-prod", "FreeableMemory", "Average"),
                    MetricSeries.ofRole("ads-prod", "WRITER", "CommitLatency", "Maximum")),
                500,
                FIVE_MINUTES,
                MINUTE)
            .get(0);
    Instant start = Instant.parse("2026-11-17T09:00:00Z");

    GetMetricDataRequest request = batch.request(start, start.plus(FIVE_MINUTES), MINUTE, "tok");

    assertThat(request.startTime()).isEqualTo(start);
    assertThat(request.endTime()).isEqualTo(start.plus(FIVE_MINUTES));
    assertThat(request.nextToken()).isEqualTo("tok");
    MetricDataQuery memory = request.metricDataQueries().get(0);
    assertThat(memory.id()).isEqualTo("q0");
    assertThat(memory.returnData()).isTrue();
    assertThat(memory.metricStat().period()).isEqualTo(60);
    assertThat(memory.metricStat().stat()).isEqualTo("Average");
    assertThat(memory.metricStat().metric().namespace()).isEqualTo("AWS/RDS");
    assertThat(memory.metricStat().metric().metricName()).isEqualTo("FreeableMemory");
    assertThat(memory.metricStat().metric().dimensions())
        .containsExactly(dimension("DBInstanceIdentifier", "ads-prod-1"));
    MetricDataQuery commit = request.metricDataQueries().get(1);
    assertThat(commit.metricStat().stat()).isEqualTo("Maximum");
    assertThat(commit.metricStat().metric().dimensions())
        .containsExactly(dimension("DBClusterIdentifier", "ads-prod"), dimension("Role", "WRITER"));
  }

  private static List<MetricSeries> series(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> MetricSeries.ofInstance("db-" + i, null, "CPUUtilization", "Average"))
        .toList();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }
}
