package io.precursor.ingest.slowlog;

import io.precursor.ingest.logs.MysqlTimestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the lines of one slow log entry, tells when a line belongs to the next entry, and reads
 * the entry. Line recognition follows percona-toolkit's SlowLogParser: header lines start with
 * {@code #}, then {@code use db;} and {@code SET timestamp=...;}, and the first other line starts
 * the statement, which runs to the end of the entry.
 */
final class SlowLogEntryReader {

  private static final String TIME = "# Time:";
  private static final String USER_HOST = "# User@Host:";
  private static final String QUERY_TIME = "# Query_time:";
  private static final String ADMIN = "# administrator command:";

  // User (32), host (255), IP and Id fit; pt's regex, which UserHostLine follows, is quadratic in
  // the length of longer lines, and so is the scan.
  private static final int MAX_USER_HOST_CHARS = 1_024;
  // Percona writes "Schema:" with no value; without this the next key would become its value.
  private static final Pattern EMPTY_SCHEMA = Pattern.compile("Schema:\\s+(?=\\w+: )");

  /** Header values that have their own field and are not repeated among the counters. */
  private static final Set<String> FIELDS =
      Set.of(
          "Query_time",
          "Lock_time",
          "Rows_sent",
          "Rows_examined",
          "Rows_affected",
          "Thread_id",
          "Id",
          "Schema",
          "Start",
          "End");

  private final List<String> lines = new ArrayList<>();
  private boolean sawUserHost;
  private boolean sawQueryTime;
  private boolean sawUse;
  private boolean sawSet;
  private int statementStart = -1;

  boolean isEmpty() {
    return lines.isEmpty();
  }

  boolean inStatement() {
    return statementStart >= 0;
  }

  /** Whether {@code line} opens the next entry rather than continuing this one. */
  boolean startsNewEntry(String line) {
    if (lines.isEmpty()) {
      return false;
    }
    if (line.startsWith(TIME)) {
      return true;
    }
    if (line.startsWith(USER_HOST)) {
      return sawUserHost || sawQueryTime || inStatement();
    }
    if (line.startsWith(QUERY_TIME)) {
      return sawQueryTime || inStatement();
    }
    return false;
  }

  void add(String line) {
    lines.add(line);
    if (inStatement() || line.isBlank()) {
      return;
    }
    if (line.startsWith(USER_HOST)) {
      sawUserHost = true;
    } else if (line.startsWith(QUERY_TIME)) {
      sawQueryTime = true;
    } else if (line.startsWith(ADMIN)) {
      statementStart = lines.size() - 1;
    } else if (line.startsWith("#")) {
      return; // another header line
    } else if (!sawUse && useDatabase(line) != null) {
      sawUse = true;
    } else if (!sawSet && setSettings(line) != null) {
      sawSet = true;
    } else {
      statementStart = lines.size() - 1;
    }
  }

  SlowLogItem read() {
    String text = String.join("\n", lines);
    try {
      return readEntry(text);
    } catch (GarbledException e) {
      return new GarbledSlowLogEntry(e.getMessage(), text);
    }
  }

  private SlowLogEntry readEntry(String text) throws GarbledException {
    if (!sawQueryTime) {
      throw new GarbledException("no '# Query_time:' line, so the entry is incomplete");
    }
    Instant loggedTime = null;
    Instant setTimestamp = null;
    String user = null;
    String host = null;
    Long connectionId = null;
    String database = null;
    Map<String, String> properties = new LinkedHashMap<>();
    int headerEnd = inStatement() ? statementStart : lines.size();
    for (String line : lines.subList(0, headerEnd)) {
      if (line.startsWith(TIME)) {
        String value = line.substring(TIME.length());
        loggedTime =
            MysqlTimestamp.parse(value)
                .orElseThrow(
                    () -> new GarbledException("'" + line + "' does not hold a MySQL timestamp"));
        continue;
      }
      UserHostLine userHost =
          line.startsWith(USER_HOST) && line.length() <= MAX_USER_HOST_CHARS
              ? UserHostLine.read(line)
              : null;
      String use = database == null ? useDatabase(line) : null;
      String set = setTimestamp == null ? setSettings(line) : null;
      if (userHost != null) {
        user = userHost.user().trim();
        host = userHost.host().isEmpty() ? emptyToNull(userHost.ip()) : userHost.host();
        String id = userHost.id();
        connectionId = id != null && isInteger(id) ? Long.valueOf(id) : null;
      } else if (line.startsWith("#") && isPropertyLine(properties(line))) {
        readProperties(properties(line), properties);
      } else if (use != null) {
        database = use.trim().replace("`", "");
      } else if (set != null) {
        setTimestamp = setTimestamp(set);
      }
    }
    String statement = statement();
    Long threadId = connectionId != null ? connectionId : optionalLong(properties, "Thread_id");
    if (database == null) {
      database = emptyToNull(properties.get("Schema"));
    }
    Instant end =
        Optional.ofNullable(properties.get("End")).flatMap(MysqlTimestamp::parse).orElse(null);
    return new SlowLogEntry(
        loggedTime != null ? loggedTime : end != null ? end : setTimestamp,
        user,
        host,
        threadId,
        database,
        requiredDouble(properties, "Query_time"),
        requiredDouble(properties, "Lock_time"),
        requiredLong(properties, "Rows_sent"),
        requiredLong(properties, "Rows_examined"),
        optionalLong(properties, "Rows_affected"),
        counters(properties),
        statement,
        text);
  }

  private String statement() throws GarbledException {
    if (!inStatement()) {
      throw new GarbledException("no statement after the header lines, so the entry is truncated");
    }
    String first = lines.get(statementStart);
    String statement =
        first.startsWith(ADMIN)
            ? first.substring(2).strip()
            : String.join("\n", lines.subList(statementStart, lines.size())).stripTrailing();
    // MySQL ends every statement it logs with ";" (pt's record separator relies on it too).
    if (!statement.endsWith(";")) {
      throw new GarbledException(
          "the statement does not end with ';', so the entry is truncated"
              + " (a CloudWatch Logs event holds at most 256 KB)");
    }
    return statement.substring(0, statement.length() - 1);
  }

  /** Group 1 of {@code use ([^;]+);\s*} matching the whole line, or null. */
  static String useDatabase(String line) {
    if (!line.startsWith("use ")) {
      return null;
    }
    int semicolon = line.indexOf(';', 4);
    return semicolon > 4 && isSpaceToEnd(line, semicolon + 1) ? line.substring(4, semicolon) : null;
  }

  /**
   * Group 1 of {@code SET\s+((?:timestamp|insert_id|last_insert_id)\s*=[^;]*);\s*} matching the
   * whole line, or null.
   */
  static String setSettings(String line) {
    if (!line.startsWith("SET")) {
      return null;
    }
    int i = 3;
    while (i < line.length() && isSpace(line.charAt(i))) {
      i++;
    }
    int settingsStart = i;
    if (i == 3) {
      return null;
    }
    if (line.startsWith("timestamp", i)) {
      i += "timestamp".length();
    } else if (line.startsWith("insert_id", i)) {
      i += "insert_id".length();
    } else if (line.startsWith("last_insert_id", i)) {
      i += "last_insert_id".length();
    } else {
      return null;
    }
    while (i < line.length() && isSpace(line.charAt(i))) {
      i++;
    }
    if (i >= line.length() || line.charAt(i) != '=') {
      return null;
    }
    int semicolon = line.indexOf(';', i);
    return semicolon > 0 && isSpaceToEnd(line, semicolon + 1)
        ? line.substring(settingsStart, semicolon)
        : null;
  }

  private static boolean isSpaceToEnd(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // The line without an empty "Schema:"; most lines have no Schema at all, and skip the regex.
  private static String properties(String line) {
    return line.contains("Schema:") ? EMPTY_SCHEMA.matcher(line).replaceFirst("") : line;
  }

  // setting.split("\\s*=\\s*", 2) without a regex: both sides are stripped by the caller.
  private static String[] nameAndValue(String setting) {
    int equals = setting.indexOf('=');
    return equals < 0
        ? new String[] {setting}
        : new String[] {setting.substring(0, equals), setting.substring(equals + 1)};
  }

  private static Instant setTimestamp(String settings) {
    for (String setting : settings.split(",")) {
      String[] nameValue = nameAndValue(setting);
      if (nameValue.length == 2 && nameValue[0].strip().equals("timestamp")) {
        String value = nameValue[1].strip();
        Instant plain = plainEpochSeconds(value);
        if (plain != null) {
          return plain;
        }
        try {
          BigDecimal seconds = new BigDecimal(value);
          if (seconds.precision() - seconds.scale() > 18) {
            // Beyond any epoch second; converting "1e9999999" would take minutes.
            return null;
          }
          return Instant.ofEpochSecond(
              seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
          return null; // the time then comes from the CloudWatch event
        }
      }
    }
    return null;
  }

  private static Map<String, Long> counters(Map<String, String> properties) {
    Map<String, Long> counters = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (FIELDS.contains(name)) {
            return;
          }
          if (isInteger(value)) {
            counters.put(name, Long.valueOf(value));
          } else if (value.equals("Yes")) {
            counters.put(name, 1L);
          } else if (value.equals("No")) {
            counters.put(name, 0L);
          }
          // Durations (InnoDB_IO_r_wait: 0.000123) and words are not counters; they are dropped.
        });
    return counters;
  }

  private static double requiredDouble(Map<String, String> properties, String name)
      throws GarbledException {
    String value = required(properties, name);
    if (!isSeconds(value)) {
      throw new GarbledException(name + " '" + value + "' is not a number of seconds");
    }
    return DecimalSeconds.parse(value);
  }

  private static long requiredLong(Map<String, String> properties, String name)
      throws GarbledException {
    String value = required(properties, name);
    if (!isInteger(value)) {
      throw new GarbledException(name + " '" + value + "' is not a whole number");
    }
    return Long.parseLong(value);
  }

  private static String required(Map<String, String> properties, String name)
      throws GarbledException {
    String value = properties.get(name);
    if (value == null || value.isEmpty()) {
      throw new GarbledException("the header lines lack " + name);
    }
    return value;
  }

  private static Long optionalLong(Map<String, String> properties, String name) {
    String value = properties.get(name);
    return value != null && isInteger(value) ? Long.valueOf(value) : null;
  }

  /** {@code # +[A-Z][A-Za-z_]+: \S+} at the start of the line. */
  static boolean isPropertyLine(String line) {
    if (!line.startsWith("#")) {
      return false;
    }
    int i = 1;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i == 1 || i >= line.length() || !isUpper(line.charAt(i))) {
      return false;
    }
    int nameStart = i++;
    while (i < line.length() && (isLetter(line.charAt(i)) || line.charAt(i) == '_')) {
      i++;
    }
    return i - nameStart >= 2
        && i + 2 < line.length()
        && line.charAt(i) == ':'
        && line.charAt(i + 1) == ' '
        && !isSpace(line.charAt(i + 2));
  }

  /**
   * Every {@code (?<!\w)(\w+):\s+(\S+|\z)} of the line, name to value, as {@code find()} would give
   * them, left to right with each match continuing after the previous one's value; a scan, since
   * this runs on every header line of a slow log.
   */
  static void readProperties(String line, Map<String, String> properties) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(line.charAt(i)) || (i > 0 && isWordChar(line.charAt(i - 1)))) {
        i++;
        continue;
      }
      int nameEnd = i;
      while (nameEnd < n && isWordChar(line.charAt(nameEnd))) {
        nameEnd++;
      }
      int valueStart = nameEnd + 1;
      if (nameEnd >= n
          || line.charAt(nameEnd) != ':'
          || valueStart >= n
          || !isSpace(line.charAt(valueStart))) {
        i = nameEnd; // no match starts inside the word
        continue;
      }
      while (valueStart < n && isSpace(line.charAt(valueStart))) {
        valueStart++;
      }
      int valueEnd = valueStart;
      while (valueEnd < n && !isSpace(line.charAt(valueEnd))) {
        valueEnd++;
      }
      properties.put(line.substring(i, nameEnd), line.substring(valueStart, valueEnd));
      i = valueEnd;
    }
  }

  /** {@code -?\d{1,18}}. */
  static boolean isInteger(String value) {
    int start = value.startsWith("-") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      if (!isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code \d{1,12}(?:\.\d{1,12})?}. */
  static boolean isSeconds(String value) {
    int dot = value.indexOf('.');
    int whole = dot < 0 ? value.length() : dot;
    int fraction = dot < 0 ? 0 : value.length() - dot - 1;
    if (whole < 1 || whole > 12 || (dot >= 0 && (fraction < 1 || fraction > 12))) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (i != dot && !isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code SET timestamp=...} as MySQL writes it, whole seconds or seconds with up to 9 decimals,
   * read without a BigDecimal; null for any other form, which the general path reads.
   */
  private static Instant plainEpochSeconds(String value) {
    int dot = value.indexOf('.');
    int whole = dot < 0 ? value.length() : dot;
    int fraction = dot < 0 ? 0 : value.length() - dot - 1;
    if (whole < 1 || whole > 12 || fraction > 9 || (dot >= 0 && fraction == 0)) {
      return null;
    }
    long seconds = 0;
    for (int i = 0; i < whole; i++) {
      char c = value.charAt(i);
      if (!isDigit(c)) {
        return null;
      }
      seconds = seconds * 10 + (c - '0');
    }
    long nanos = 0;
    for (int i = 0; i < 9; i++) {
      int at = whole + 1 + i;
      char c = i < fraction ? value.charAt(at) : '0';
      if (!isDigit(c)) {
        return null;
      }
      nanos = nanos * 10 + (c - '0');
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLetter(char c) {
    return isUpper(c) || (c >= 'a' && c <= 'z');
  }

  // Java's \w and \s without UNICODE_CHARACTER_CLASS: ASCII only.
  private static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Why an entry is garbled; only ever turned into a {@link GarbledSlowLogEntry}. */
  private static final class GarbledException extends Exception {
    private static final long serialVersionUID = 1L;

    GarbledException(String reason) {
      super(reason, null, false, false);
    }
  }
}
