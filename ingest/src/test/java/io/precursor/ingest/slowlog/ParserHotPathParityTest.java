package io.precursor.ingest.slowlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.logs.MysqlTimestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parser's hand-written fast paths, taken for speed (precursor digest reads every line of a
 * slow log), give what the general code they stand in for gives.
 */
class ParserHotPathParityTest {

  @Test
  void shouldSplitLinesAsTheRegexSplitDoes() {
    SplittableRandom random = new SplittableRandom(3);
    String[] pieces = {"\n", "\r", "\r\n", "\n\r", "a", "# Time: x", ";", "", " "};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder message = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        message.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = message.toString();

      assertThat(SlowQueryParser.lines(text))
          .as("lines of %s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(Arrays.asList(text.split("\r?\n", -1)));
    }
  }

  @Test
  void shouldReadUtcTimestampsAsTheIsoParserDoes() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      String fraction =
          random.nextInt(4) == 0
              ? ""
              : "." + digits(random, 1 + random.nextInt(random.nextInt(5) == 0 ? 11 : 9));
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
              random.nextInt(10_000),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(26),
              random.nextInt(61),
              random.nextInt(62),
              fraction);

      assertThat(MysqlTimestamp.parse(text)).as(text).isEqualTo(iso(text));
    }
  }

  private static Optional<Instant> iso(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String digits(SplittableRandom random, int count) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }
}
