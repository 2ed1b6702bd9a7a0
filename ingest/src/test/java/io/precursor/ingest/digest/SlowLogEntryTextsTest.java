package io.precursor.ingest.digest;

import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlowLogEntryTextsTest {

  private final SlowQueryParser parser = new SlowQueryParser();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "slowlog/mysql80-log-slow-extra.log",
        "slowlog/mysql57.log",
        "slowlog/mysql56.log",
        "slowlog/mysql56-without-time.log",
        "slowlog/mariadb.log",
        "slowlog/percona-extra-headers.log",
        "slowlog/three-entries.log",
        "slowlog/truncated-between-good.log",
        "slowlog/rds-banner-only.log",
        "slowlog/rds-banner-then-entry.log",
        "digest/generated-mysql80.log"
      })
  void shouldReadTheSameItemsPieceByPieceAsFromTheWholeFile(String fixture) throws IOException {
    String log = text(fixture);

    assertThat(piecewise(log)).isEqualTo(parser.parse(log));
  }

  @Test
  void shouldCutAGeneratedLogIntoOnePiecePerEntry() throws IOException {
    String log = text("digest/generated-mysql80.log");
    List<String> pieces = pieces(log);

    assertThat(pieces).hasSize(1 + 1344); // the banner MySQL writes when it opens the file
    assertThat(parser.parse(pieces.get(0))).isEmpty();
    assertThat(pieces.subList(1, pieces.size()))
        .allSatisfy(piece -> assertThat(parser.parse(piece)).hasSize(1));
  }

  @Test
  void shouldCutMysql56EntriesWithoutTimeAtTheirUserHostLine() throws IOException {
    String entry = text("slowlog/mysql56-without-time.log");
    String log = entry + entry + "\n" + entry;

    List<String> pieces = pieces(log);

    assertThat(pieces).hasSize(3);
    assertThat(parser.parse(log)).hasSize(3).allMatch(SlowLogEntry.class::isInstance);
  }

  @Test
  void shouldKeepCarriageReturnsForTheParserAndReadALastLineWithoutNewline() throws IOException {
    String log = text("slowlog/three-entries.log").replace("\n", "\r\n").strip();

    List<SlowLogItem> items = piecewise(log);

    assertThat(items).isEqualTo(parser.parse(log)).hasSize(3);
    assertThat(((SlowLogEntry) items.get(2)).statement()).endsWith("SELECT COUNT(*) FROM recent");
  }

  @Test
  void shouldReadTheSameItemsAsTheWholeFileFromShuffledFixtureLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String fixture :
        List.of(
            "slowlog/mysql80-log-slow-extra.log",
            "slowlog/mysql56-without-time.log",
            "slowlog/mariadb.log",
            "slowlog/percona-extra-headers.log",
            "slowlog/three-entries.log",
            "slowlog/truncated-between-good.log",
            "slowlog/rds-banner-then-entry.log")) {
      lines.addAll(List.of(text(fixture).split("\n")));
    }
    lines.add("");
    lines.add("SET NAMES utf8mb4;");
    lines.add("use other;");
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 300; round++) {
      StringBuilder log = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        log.append(lines.get(random.nextInt(lines.size()))).append('\n');
      }

      assertThat(piecewise(log.toString()))
          .as("log %s", log)
          .isEqualTo(parser.parse(log.toString()));
    }
  }

  private List<SlowLogItem> piecewise(String log) throws IOException {
    List<SlowLogItem> items = new ArrayList<>();
    for (String piece : pieces(log)) {
      items.addAll(parser.parse(piece));
    }
    return items;
  }

  private static List<String> pieces(String log) throws IOException {
    List<String> pieces = new ArrayList<>();
    SlowLogEntryTexts.split(new StringReader(log), pieces::add);
    return pieces;
  }
}
