package io.precursor.alerting.slack;

import static io.precursor.alerting.slack.PrecursorMessageTest.texts;
import static io.precursor.alerting.slack.PrecursorMessageTest.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.alerting.Samples;
import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IncidentMessageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldAnnounceAStartedFailoverWithThePrecursorsThatLedToIt() throws Exception {
    JsonNode payload = JSON.readTree(IncidentMessage.of(Samples.incident().build()).toJson());

    JsonNode blocks = payload.get("blocks");
    assertThat(types(blocks)).containsExactly("header", "section", "section", "section", "context");
    assertThat(blocks.get(0).at("/text/text").asText())
        .isEqualTo(":rotating_light: Failover started");
    assertThat(texts(blocks.get(1).get("fields")))
        .containsExactly(
            "*Cluster*\n`ads-prod`",
            "*Instance*\n`ads-prod-1`",
            "*Started at*\n2026-03-03 09:50:00 UTC");
    assertThat(blocks.get(2).at("/text/text").asText())
        .isEqualTo("*RDS event:* Started cross AZ failover to DB instance: ads-prod-2");
    assertThat(blocks.get(3).at("/text/text").asText())
        .isEqualTo(
            "*Precursors that led to it*\n"
                + "• bulk DML memory pressure on `ads-prod-1`, 23 min before (critical)");
    assertThat(blocks.get(4).at("/elements/0/text").asText())
        .isEqualTo("Incident `ads-prod/2026-03-03T09:50:00Z`");
    assertThat(payload.get("text").asText())
        .isEqualTo(
            "Failover started on cluster ads-prod (ads-prod-1); 1 precursor, the first 23 min"
                + " before");
  }

  @Test
  void shouldReportCompletionWithItsRto() throws Exception {
    Incident done =
        Samples.incident()
            .setState(IncidentState.FAILOVER_COMPLETED)
            .setCompletedAt(Samples.DETECTED.plus(Duration.ofMinutes(23).plusSeconds(47)))
            .setRtoMillis(47_000L)
            .build();

    JsonNode payload = JSON.readTree(IncidentMessage.of(done).toJson());

    assertThat(payload.at("/blocks/0/text/text").asText())
        .isEqualTo(":white_check_mark: Failover completed");
    assertThat(texts(payload.at("/blocks/1/fields")))
        .contains("*Completed at*\n2026-03-03 09:50:47 UTC", "*RTO*\n47 s");
    assertThat(payload.get("text").asText()).contains("Failover completed", "RTO 47 s");
  }

  @Test
  void shouldSayPlainlyWhenNoPrecursorCameBefore() throws Exception {
    Incident surprise = Samples.incident().setPrecursors(List.of()).build();

    JsonNode payload = JSON.readTree(IncidentMessage.of(surprise).toJson());

    assertThat(payload.at("/blocks/3/text/text").asText())
        .isEqualTo("*Precursors:* none was seen before this failover.");
    assertThat(payload.get("text").asText()).endsWith("no precursor before it");
  }

  @Test
  void shouldListManyPrecursorsWithinTheSectionLimit() throws Exception {
    List<LinkedPrecursor> many =
        IntStream.range(0, 500)
            .mapToObj(
                i ->
                    LinkedPrecursor.newBuilder()
                        .setPrecursorId("p" + i)
                        .setKind(PrecursorKind.FULL_SCAN_STORM)
                        .setSeverity(Severity.WARNING)
                        .setInstance("ads-prod-" + i)
                        .setDetectedAt(Samples.DETECTED)
                        .setLeadTimeMillis(Duration.ofMinutes(90).toMillis())
                        .build())
            .toList();

    String list =
        JSON.readTree(IncidentMessage.of(Samples.incident().setPrecursors(many).build()).toJson())
            .at("/blocks/3/text/text")
            .asText();

    assertThat(list)
        .hasSizeLessThanOrEqualTo(3000)
        .contains("full-scan storm on `ads-prod-0`, 1 h 30 min before")
        .containsPattern("and \\d+ more$");
  }

  @Test
  void shouldEscapeTheRdsMessageAndNames() {
    Incident hostile =
        Samples.incident()
            .setMessage("<!channel> failover <http://x|y>")
            .setCluster("<@U1>")
            .build();

    assertThat(IncidentMessage.of(hostile).toJson())
        .doesNotContain("<!")
        .doesNotContain("<@")
        .doesNotContain("<http");
  }
}
