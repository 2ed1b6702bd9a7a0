package io.precursor.ingest.slowlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The header scans of {@link SlowLogEntryReader} and {@link DecimalSeconds} give what the regexes
 * and parsers they replaced give, on generated header lines and numbers.
 */
class SlowLogHeaderScanTest {

  private static final Pattern PROPERTY_LINE = Pattern.compile("# +[A-Z][A-Za-z_]+: \\S+");
  private static final Pattern PROPERTY = Pattern.compile("(?<!\\w)(\\w+):\\s+(\\S+|\\z)");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(?:\\.\\d{1,12})?");

  private static final String[] PIECES = {
    "#",
    " ",
    "  ",
    "\t",
    ":",
    ": ",
    "Query_time",
    "Lock_time:",
    "Rows_sent",
    "Schema:",
    "x",
    "Q",
    "_",
    "1",
    "0.000123",
    "-",
    "é",
    "日",
    "\u000b",
    "Thread_id: 7",
    "# Query_time: 1.5",
    ":\t",
    "a:b",
    "Yes",
    "\u00a0"
  };

  @Test
  void shouldReadPropertyLinesAsTheRegexesDid() {
    SplittableRandom random = new SplittableRandom(11);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 200_000 && differences.size() < 10; i++) {
      String line = generated(random, PIECES, 12);
      boolean expectedLine = PROPERTY_LINE.matcher(line).lookingAt();
      Map<String, String> expected = new LinkedHashMap<>();
      Matcher property = PROPERTY.matcher(line);
      while (property.find()) {
        expected.put(property.group(1), property.group(2));
      }
      Map<String, String> actual = new LinkedHashMap<>();
      SlowLogEntryReader.readProperties(line, actual);
      if (expectedLine != SlowLogEntryReader.isPropertyLine(line) || !expected.equals(actual)) {
        differences.add("'" + line + "': " + expected + " but the scan read " + actual);
      }
    }

    assertThat(differences).isEmpty();
  }

  @Test
  void shouldTellNumbersAsTheRegexesDidAndReadSecondsAsParseDoubleDoes() {
    SplittableRandom random = new SplittableRandom(5);
    String[] pieces = {"0", "1", "9", "5", ".", "-", "00000", "123456789", "x", ""};
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 200_000 && differences.size() < 10; i++) {
      String value = generated(random, pieces, 8);
      if (INTEGER.matcher(value).matches() != SlowLogEntryReader.isInteger(value)) {
        differences.add("integer '" + value + "'");
      }
      boolean seconds = SECONDS.matcher(value).matches();
      if (seconds != SlowLogEntryReader.isSeconds(value)) {
        differences.add("seconds '" + value + "'");
      }
      if (seconds && DecimalSeconds.parse(value) != Double.parseDouble(value)) {
        differences.add(value + " read as " + DecimalSeconds.parse(value));
      }
    }

    assertThat(differences).isEmpty();
  }

  private static String generated(SplittableRandom random, String[] pieces, int most) {
    StringBuilder text = new StringBuilder();
    int count = random.nextInt(most + 1);
    for (int i = 0; i < count; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
