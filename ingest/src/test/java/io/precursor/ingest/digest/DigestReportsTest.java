package io.precursor.ingest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.ingest.logs.Fixtures;
import io.precursor.ingest.slowlog.SlowQueryParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestReportsTest {

  private static final List<DigestedFile> FILES =
      List.of(new DigestedFile("three-entries.log", SlowLogFile.Format.SLOW_LOG));

  private final DigestReport report = threeEntries();

  @Test
  void shouldWriteTheTextReportAsPtQueryDigestLaysItOut() {
    String text = text(true);

    assertThat(text)
        .startsWith("# precursor digest: 3 entries, 3 query classes, 0 unreadable\n")
        .contains("# File: three-entries.log (slow query log)\n")
        .contains("# Time range: 2026-11-17T09:13:10.100Z to 2026-11-17T09:13:12Z\n")
        .contains("# Query_time          9.20s      3.07s      8.00s      8.00s\n")
        .contains("# Rows_examined     250.00k     83.33k               250.00k\n");
    // The query ids are those pt-query-digest 3.2.1 gives this file.
    assertThat(text.lines().filter(line -> line.matches("# +\\d+ 0x[0-9A-F]{32} .*")))
        .containsExactly(
            "#    1 0xD89E729CDB03302C8B69F01D7112CF0F     8.0000 87.0%        1   8.0000 INSERT"
                + " invoice_line",
            "#    2 0xBE74C3F9704DDFC613B7CC4D47192B77     1.2000 13.0%        1   1.2000 SELECT"
                + " orders",
            "#    3 0xEDBC971AEC392917AA353644DE4C4CB4     0.0000  0.0%        1   0.0000 ADMIN Quit");
    assertThat(text)
        .contains("# Query 1: ")
        .contains("# Databases      billing (1)\n# Tables         invoice_line\n# Fingerprint\n")
        .contains("insert into invoice_line (invoice_id, period, amount) values(?+)\n")
        .contains("# Slowest statement (8.00s)\nINSERT INTO invoice_line");
  }

  @Test
  void shouldLeaveStatementsOutOfTheTextReportWhenAsked() {
    assertThat(text(false)).doesNotContain("Slowest statement").doesNotContain("'2026-10'");
  }

  @Test
  void shouldWriteJsonWithTotalsAndRankedClasses() throws IOException {
    StringWriter out = new StringWriter();
    DigestJsonReport.write(report, FILES, true, out);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("entries").asLong()).isEqualTo(3);
    assertThat(json.get("files").get(0).get("format").asText()).isEqualTo("slow_log");
    assertThat(json.get("queryTime").get("total").asDouble()).isEqualTo(9.200009);
    JsonNode first = json.get("queries").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("queryId").asText()).matches("0x[0-9A-F]{32}");
    assertThat(first.get("fingerprint").asText())
        .isEqualTo("insert into invoice_line (invoice_id, period, amount) values(?+)");
    assertThat(first.get("kind").asText()).isEqualTo("INSERT");
    assertThat(first.get("tables").get(0).asText()).isEqualTo("invoice_line");
    assertThat(first.get("databases").get("billing").asLong()).isEqualTo(1);
    assertThat(first.get("count").asLong()).isEqualTo(1);
    assertThat(first.get("queryTime").get("p95").asDouble()).isEqualTo(8.0);
    assertThat(first.get("rowsExamined").get("max").asLong()).isZero();
    assertThat(first.get("firstSeen").asText()).isEqualTo("2026-11-17T09:13:10.100Z");
    assertThat(first.get("slowest").get("statement").asText()).startsWith("INSERT INTO");
  }

  @Test
  void shouldLeaveStatementsOutOfJsonWhenAsked() throws IOException {
    StringWriter out = new StringWriter();
    DigestJsonReport.write(report, FILES, false, out);

    assertThat(new ObjectMapper().readTree(out.toString()).get("queries").get(0).has("slowest"))
        .isFalse();
  }

  @Test
  void shouldFormatDurationsAndCountsAsPtQueryDigestDoes() {
    assertThat(DigestTextReport.seconds(0)).isEqualTo("0");
    assertThat(DigestTextReport.seconds(0.000123)).isEqualTo("123us");
    assertThat(DigestTextReport.seconds(0.0456)).isEqualTo("46ms");
    assertThat(DigestTextReport.seconds(2.5)).isEqualTo("2.50s");
    assertThat(DigestTextReport.seconds(3456.7)).isEqualTo("3457s");
    assertThat(DigestTextReport.shortCount(999)).isEqualTo("999");
    assertThat(DigestTextReport.shortCount(1234)).isEqualTo("1.23k");
    assertThat(DigestTextReport.shortCount(2_000_000_000L)).isEqualTo("2.00G");
  }

  private String text(boolean examples) {
    StringWriter out = new StringWriter();
    DigestTextReport.write(report, FILES, examples, new PrintWriter(out));
    return out.toString();
  }

  private static DigestReport threeEntries() {
    SlowLogDigest digest = new SlowLogDigest();
    new SlowQueryParser()
        .parse(Fixtures.text("slowlog/three-entries.log"))
        .forEach(item -> digest.add(item, null));
    return digest.report(20);
  }
}
