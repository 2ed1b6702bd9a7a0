package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.alerting.Samples;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.FingerprintEvidence;
import io.precursor.schemas.MetricTrajectory;
import io.precursor.schemas.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrecursorMessageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldLayOutWhatWhereEvidenceHintAndIdAsBlocks() throws Exception {
    JsonNode payload = JSON.readTree(PrecursorMessage.of(Samples.precursor().build()).toJson());

    JsonNode blocks = payload.get("blocks");
    assertThat(types(blocks))
        .containsExactly(
            "header", "section", "section", "section", "section", "section", "context");
    assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).at("/text/text").asText())
        .isEqualTo(":rotating_light: Critical: bulk DML memory pressure");
    assertThat(texts(blocks.get(1).get("fields")))
        .containsExactly(
            "*Cluster*\n`ads-prod`",
            "*Instance*\n`ads-prod-1`",
            "*Role*\n`WRITER`",
            "*Window*\n2026-03-03 09:12–09:27 UTC (15 min)",
            "*Detected at*\n2026-03-03 09:27:00 UTC");
    assertThat(blocks.get(2).at("/text/text").asText()).startsWith("1,204 DELETE and 980 INSERT");
    assertThat(blocks.get(5).at("/text/text").asText())
        .isEqualTo(
            ":bulb: *Hint:* Partition ads_daily by day and TRUNCATE the partition, then"
                + " multi-row INSERT.");
    assertThat(blocks.get(6).at("/elements/0/text").asText())
        .isEqualTo("Precursor `ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-03-03T09:12:00Z`");
  }

  @Test
  void shouldShowTopStatementsAsATableInACodeBlock() throws Exception {
    JsonNode blocks =
        JSON.readTree(PrecursorMessage.of(Samples.precursor().build()).toJson()).get("blocks");

    String evidence = blocks.get(3).at("/text/text").asText();
    assertThat(evidence).startsWith("*Top statements*\n```\n").endsWith("\n```");
    List<String> rows = evidence.lines().toList();
    assertThat(rows.get(2)).contains("count", "rows examined", "max time", "IN list", "statement");
    assertThat(rows.get(3))
        .matches("\\s+1204\\s+81\\.2M\\s+12 s\\s+-\\s+delete from ads_daily where day = \\?");
    assertThat(rows.get(4)).matches("\\s+980\\s+0\\s+3\\.2 s\\s+-\\s+insert into ads_daily.*");
  }

  @Test
  void shouldShowTheLargestInListOfAFullScanStorm() throws Exception {
    FailoverPrecursor storm =
        Samples.precursor()
            .setTopFingerprints(
                List.of(
                    Samples.fingerprint(
                        "select * from ads where id in(?+)",
                        StatementKind.SELECT,
                        40,
                        2_400_000_000L,
                        95.0,
                        412)))
            .build();

    String evidence =
        JSON.readTree(PrecursorMessage.of(storm).toJson()).at("/blocks/3/text/text").asText();

    assertThat(evidence.lines().toList().get(3))
        .matches("\\s+40\\s+2\\.4G\\s+95 s\\s+412\\s+select.*");
  }

  @Test
  void shouldShowMetricTrajectoriesAsNumbersInHumanUnits() throws Exception {
    JsonNode blocks =
        JSON.readTree(PrecursorMessage.of(Samples.precursor().build()).toJson()).get("blocks");

    assertThat(blocks.get(4).at("/text/text").asText())
        .isEqualTo(
            "*Metrics*\n"
                + "• `FreeableMemory` 12.4 GiB → min 0.9 GiB / max 12.6 GiB → 1.1 GiB"
                + " (baseline 11.8 GiB), 4 points\n"
                + "• `WriteLatency` 2 ms → min 2 ms / max 45 ms → 31 ms, 4 points");
  }

  @Test
  void shouldSayWhatAndWhereInOneFallbackLine() throws Exception {
    String text =
        JSON.readTree(PrecursorMessage.of(Samples.precursor().build()).toJson())
            .get("text")
            .asText();

    assertThat(text)
        .startsWith("Critical: bulk DML memory pressure on ads-prod-1 (cluster ads-prod) — 1,204")
        .doesNotContain("\n");
  }

  @Test
  void shouldEscapeHostileTextEverywhere() {
    FailoverPrecursor hostile =
        Samples.precursor()
            .setInstance("ads-prod-1\n<!channel>")
            .setCluster("<http://evil.example|ads-prod>")
            .setRole("<@U123>")
            .setSummary("<!here> rows & more")
            .setHint("click <http://evil.example|here>")
            .setId("<!everyone>")
            .setTopFingerprints(
                List.of(
                    Samples.fingerprint(
                        "select `x` from t where a = '<!channel>' ```",
                        StatementKind.SELECT,
                        1,
                        1,
                        1,
                        0)))
            .setMetrics(List.of(Samples.trajectory("<!here>", null, 1, 2)))
            .build();

    String json = PrecursorMessage.of(hostile).toJson();

    assertThat(json)
        .doesNotContain("<!")
        .doesNotContain("<@")
        .doesNotContain("<http")
        .contains("&lt;!channel&gt;")
        .contains("rows &amp; more");
    assertThat(json.replace("\\n```", "").replace("```\\n", "")).doesNotContain("```");
  }

  @Test
  void shouldStayWithinSlackLimitsWhateverTheInputSize() throws Exception {
    List<FingerprintEvidence> fingerprints = new ArrayList<>();
    IntStream.range(0, 40)
        .forEach(
            i ->
                fingerprints.add(
                    Samples.fingerprint(
                        "select " + "&".repeat(5000) + i, StatementKind.SELECT, i, i, i, i)));
    List<MetricTrajectory> metrics = new ArrayList<>();
    IntStream.range(0, 40)
        .forEach(i -> metrics.add(Samples.trajectory("M".repeat(500) + i, 1.0, 1, 2)));
    FailoverPrecursor huge =
        Samples.precursor()
            .setSummary("<".repeat(10_000))
            .setHint("&".repeat(10_000))
            .setInstance("i".repeat(5000))
            .setTopFingerprints(fingerprints)
            .setMetrics(metrics)
            .build();

    JsonNode payload = JSON.readTree(PrecursorMessage.of(huge).toJson());

    assertThat(payload.get("text").asText().length())
        .isLessThanOrEqualTo(SlackText.FALLBACK_TEXT_MAX);
    JsonNode blocks = payload.get("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(SlackText.MAX_BLOCKS);
    for (JsonNode block : blocks) {
      switch (block.get("type").asText()) {
        case "header" -> assertThat(block.at("/text/text").asText()).hasSizeLessThanOrEqualTo(150);
        case "section" -> {
          if (block.has("text")) {
            assertThat(block.at("/text/text").asText()).hasSizeLessThanOrEqualTo(3000);
          }
          for (JsonNode field : block.path("fields")) {
            assertThat(field.get("text").asText()).hasSizeLessThanOrEqualTo(2000);
          }
        }
        case "context" ->
            assertThat(block.at("/elements/0/text").asText()).hasSizeLessThanOrEqualTo(3000);
        default -> {}
      }
    }
    assertThat(blocks.get(3).at("/text/text").asText())
        .contains("\n```\n")
        .endsWith("\n```\n_…and 35 more statements_");
    assertThat(blocks.get(4).at("/text/text").asText()).contains("and ");
  }

  @Test
  void shouldLeaveOutEvidenceBlocksThatHaveNothingToShow() throws Exception {
    FailoverPrecursor bare =
        Samples.precursor()
            .setTopFingerprints(List.of())
            .setMetrics(List.of())
            .setHint(" ")
            .setCluster(null)
            .setRole(null)
            .build();

    JsonNode blocks = JSON.readTree(PrecursorMessage.of(bare).toJson()).get("blocks");

    assertThat(types(blocks)).containsExactly("header", "section", "section", "context");
    assertThat(texts(blocks.get(1).get("fields")))
        .contains("*Cluster*\nunknown", "*Role*\nunknown");
  }

  static List<String> types(JsonNode blocks) {
    List<String> types = new ArrayList<>();
    blocks.forEach(b -> types.add(b.get("type").asText()));
    return types;
  }

  static List<String> texts(JsonNode textObjects) {
    List<String> texts = new ArrayList<>();
    textObjects.forEach(t -> texts.add(t.get("text").asText()));
    return texts;
  }
}
