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

  // percona-toolkit lib/SlowLogParser.pm $slow_log_uh_line, as the reader used it.
  private static final Pattern USER_HOST_LINE =
      Pattern.compile(
          "# User@Host: ([^\\[]+|\\[[^\\[]+\\]).*?@ (\\S*) \\[(.*)\\]\\s*(?:Id:\\s*(\\d+))?");
  private static final Pattern USE_LINE = Pattern.compile("use ([^;]+);\\s*");
  private static final Pattern SET_LINE =
      Pattern.compile("SET\\s+((?:timestamp|insert_id|last_insert_id)\\s*=[^;]*);\\s*");

  private static final String[] USER_HOST_PIECES = {
    "root",
    "[root]",
    "[",
    "]",
    "@",
    "@ ",
    " @ ",
    " ",
    "  ",
    "\t",
    "\r",
    "\u0085",
    "\u2028",
    "localhost",
    " []",
    " [10.0.0.1]",
    "Id:",
    "Id: 12",
    "  Id:     3",
    "7",
    "é",
    "x",
    ";"
  };

  private static final String[] USE_SET_PIECES = {
    "use ",
    "SET",
    " ",
    "\t",
    "timestamp",
    "insert_id",
    "last_insert_id",
    "=",
    "1700000000",
    ";",
    "db",
    "`",
    ",",
    "x",
    "\r"
  };

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
  void shouldReadUserHostLinesAsTheRegexDid() {
    SplittableRandom random = new SplittableRandom(13);
    List<String> differences = new ArrayList<>();
    int matched = 0;
    int withId = 0;
    for (int i = 0; i < 200_000 && differences.size() < 10; i++) {
      String line = "# User@Host: " + generated(random, USER_HOST_PIECES, 10);
      Matcher regex = USER_HOST_LINE.matcher(line);
      UserHostLine expected =
          regex.lookingAt()
              ? new UserHostLine(regex.group(1), regex.group(2), regex.group(3), regex.group(4))
              : null;
      UserHostLine actual = UserHostLine.read(line);
      if (!java.util.Objects.equals(expected, actual)) {
        differences.add("'" + line + "': " + expected + " but the scan read " + actual);
      }
      matched += expected != null ? 1 : 0;
      withId += expected != null && expected.id() != null ? 1 : 0;
    }

    assertThat(differences).isEmpty();
    // The generated lines cover matches, with and without an Id, and lines that do not match.
    assertThat(matched).isBetween(1_000, 199_000);
    assertThat(withId).isGreaterThan(100);
  }

  @Test
  void shouldReadUseAndSetLinesAsTheRegexesDid() {
    SplittableRandom random = new SplittableRandom(17);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 200_000 && differences.size() < 10; i++) {
      String line = generated(random, USE_SET_PIECES, 8);
      Matcher use = USE_LINE.matcher(line);
      String expectedUse = use.matches() ? use.group(1) : null;
      Matcher set = SET_LINE.matcher(line);
      String expectedSet = set.matches() ? set.group(1) : null;
      String actualUse = SlowLogEntryReader.useDatabase(line);
      String actualSet = SlowLogEntryReader.setSettings(line);
      if (!java.util.Objects.equals(expectedUse, actualUse)
          || !java.util.Objects.equals(expectedSet, actualSet)) {
        differences.add(
            "'"
                + line
                + "': use "
                + expectedUse
                + ", set "
                + expectedSet
                + " but the scans read "
                + actualUse
                + ", "
                + actualSet);
      }
    }

    assertThat(differences).isEmpty();
  }

  @Test
  void shouldReadAHeaderLineWhereItStandsInItsEventAsOnItsOwn() {
    SplittableRandom random = new SplittableRandom(19);
    String[] before = {"", "\n", "SELECT a;\n", "# Query_time: 1  Rows_sent: 2\r\n", "x"};
    String[] after = {"", "\n", "\r\n", "\n# Rows_examined: 5", "\nuse db;"};
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 100_000 && differences.size() < 10; i++) {
      String line =
          random.nextBoolean()
              ? generated(random, PIECES, 12)
              : generated(random, USE_SET_PIECES, 8);
      String prefix = before[random.nextInt(before.length)];
      String text = prefix + line + after[random.nextInt(after.length)];
      int start = prefix.length();
      int end = start + line.length();

      Map<String, String> alone = new LinkedHashMap<>();
      SlowLogEntryReader.readProperties(line, alone);
      Map<String, String> inPlace = new LinkedHashMap<>();
      SlowLogEntryReader.readProperties(
          text,
          start,
          end,
          (in, nameStart, nameEnd, valueStart, valueEnd) ->
              inPlace.put(in.substring(nameStart, nameEnd), in.substring(valueStart, valueEnd)));
      boolean same =
          alone.equals(inPlace)
              && SlowLogEntryReader.isPropertyLine(line)
                  == SlowLogEntryReader.isPropertyLine(text, start, end)
              && java.util.Objects.equals(
                  SlowLogEntryReader.useDatabase(line),
                  SlowLogEntryReader.useDatabase(text, start, end))
              && java.util.Objects.equals(
                  SlowLogEntryReader.setSettings(line),
                  SlowLogEntryReader.setSettings(text, start, end))
              && SlowLogEntryReader.isBlank(text, start, end) == line.isBlank();
      if (!same) {
        differences.add("'" + line + "' inside '" + text + "'");
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
