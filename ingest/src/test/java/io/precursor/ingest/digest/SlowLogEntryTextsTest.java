package io.precursor.ingest.digest;

import static io.precursor.ingest.logs.Fixtures.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

  @Test
  void shouldDecodeEachPieceAsDecodingTheWholeFileDoes() throws IOException {
    List<byte[]> lines = new ArrayList<>();
    for (String line : text("slowlog/three-entries.log").split("\n")) {
      lines.add(line.getBytes(UTF_8));
    }
    // Malformed and truncated UTF-8, valid non-ASCII text, and whitespace beyond ASCII.
    lines.add(new byte[] {(byte) 0xE2, (byte) 0x82});
    lines.add(new byte[] {'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98});
    lines.add(new byte[] {(byte) 0xFF, ';'});
    lines.add(new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', (byte) 0xC3});
    lines.add("SELECT 'é日';\u3000".getBytes(UTF_8));
    lines.add("\u2028\u3000".getBytes(UTF_8));
    lines.add("\u0085".getBytes(UTF_8));
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 2_000; round++) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      log.write("# Time: 2026-11-17T10:00:00.000000Z\n".getBytes(UTF_8));
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        log.write(lines.get(random.nextInt(lines.size())));
        if (i < length - 1 || random.nextBoolean()) {
          log.write('\n');
        }
      }
      String whole = new String(log.toByteArray(), UTF_8);

      List<String> pieces = pieces(log.toByteArray());

      assertThat(String.join("\n", pieces)).isEqualTo(whole);
      List<SlowLogItem> items = new ArrayList<>();
      for (String piece : pieces) {
        items.addAll(parser.parse(piece));
      }
      assertThat(items).isEqualTo(parser.parse(whole));
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
    return pieces(log.getBytes(UTF_8));
  }

  private static List<String> pieces(byte[] log) throws IOException {
    List<String> pieces = new ArrayList<>();
    SlowLogEntryTexts.split(new ByteArrayInputStream(log), pieces::add);
    return pieces;
  }
}
