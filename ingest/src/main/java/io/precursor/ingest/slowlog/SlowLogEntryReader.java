package io.precursor.ingest.slowlog;

import io.precursor.ingest.logs.MysqlTimestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final String message;
  // The entry's lines are message[starts[i], ends[i]), without their line terminators.
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int lineCount;
  private boolean sawUserHost;
  private boolean sawQueryTime;
  private boolean sawUse;
  private boolean sawSet;
  private int statementStart = -1;

  /** Reads an entry whose lines are in {@code message}. */
  SlowLogEntryReader(String message) {
    this.message = message;
  }

  boolean isEmpty() {
    return lineCount == 0;
  }

  boolean inStatement() {
    return statementStart >= 0;
  }

  /**
   * Whether the line {@code message[start, end)} opens the next entry rather than continuing this
   * one.
   */
  boolean startsNewEntry(int start, int end) {
    if (lineCount == 0) {
      return false;
    }
    if (startsWith(TIME, start, end)) {
      return true;
    }
    if (startsWith(USER_HOST, start, end)) {
      return sawUserHost || sawQueryTime || inStatement();
    }
    if (startsWith(QUERY_TIME, start, end)) {
      return sawQueryTime || inStatement();
    }
    return false;
  }

  /** Adds the line {@code message[start, end)} to the entry. */
  void add(int start, int end) {
    if (lineCount == starts.length) {
      starts = Arrays.copyOf(starts, lineCount * 2);
      ends = Arrays.copyOf(ends, lineCount * 2);
    }
    starts[lineCount] = start;
    ends[lineCount] = end;
    lineCount++;
    if (inStatement() || isBlank(message, start, end)) {
      return;
    }
    if (startsWith(USER_HOST, start, end)) {
      sawUserHost = true;
    } else if (startsWith(QUERY_TIME, start, end)) {
      sawQueryTime = true;
    } else if (startsWith(ADMIN, start, end)) {
      statementStart = lineCount - 1;
    } else if (startsWith("#", start, end)) {
      return; // another header line
    } else if (!sawUse && useDatabase(message, start, end) != null) {
      sawUse = true;
    } else if (!sawSet && setSettings(message, start, end) != null) {
      sawSet = true;
    } else {
      statementStart = lineCount - 1;
    }
  }

  private boolean startsWith(String prefix, int start, int end) {
    return end - start >= prefix.length() && message.startsWith(prefix, start);
  }

  private boolean contains(String word, int start, int end) {
    for (int i = start; i + word.length() <= end; i++) {
      if (message.startsWith(word, i)) {
        return true;
      }
    }
    return false;
  }

  SlowLogItem read() {
    String text = joined(0, lineCount);
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
    HeaderProperties properties = new HeaderProperties();
    int headerEnd = inStatement() ? statementStart : lineCount;
    for (int i = 0; i < headerEnd; i++) {
      // The header lines are read where they stand in the message.
      int start = starts[i];
      int end = ends[i];
      if (startsWith(TIME, start, end)) {
        loggedTime =
            MysqlTimestamp.parse(message.substring(start + TIME.length(), end)).orElse(null);
        if (loggedTime == null) {
          throw new GarbledException(
              "'" + message.substring(start, end) + "' does not hold a MySQL timestamp");
        }
        continue;
      }
      UserHostLine userHost =
          startsWith(USER_HOST, start, end) && end - start <= MAX_USER_HOST_CHARS
              ? UserHostLine.read(message.substring(start, end))
              : null;
      String use = database == null ? useDatabase(message, start, end) : null;
      String set = setTimestamp == null ? setSettings(message, start, end) : null;
      if (userHost != null) {
        user = userHost.user().trim();
        host = userHost.host().isEmpty() ? emptyToNull(userHost.ip()) : userHost.host();
        String id = userHost.id();
        connectionId = id != null && isInteger(id) ? Long.valueOf(id) : null;
      } else if (startsWith("#", start, end)) {
        // Neither a use nor a SET line starts with '#'.
        if (contains("Schema:", start, end)) {
          String propertyLine = properties(message.substring(start, end));
          if (isPropertyLine(propertyLine)) {
            readProperties(propertyLine, 0, propertyLine.length(), properties);
          }
        } else if (isPropertyLine(message, start, end)) {
          readProperties(message, start, end, properties);
        }
      } else if (use != null) {
        database = use.trim().replace("`", "");
      } else if (set != null) {
        setTimestamp = setTimestamp(set);
      }
    }
    String statement = statement();
    Long threadId = connectionId != null ? connectionId : optionalLong(properties.threadId);
    if (database == null) {
      database = emptyToNull(properties.schema);
    }
    Instant end = properties.end == null ? null : MysqlTimestamp.parse(properties.end).orElse(null);
    return new SlowLogEntry(
        loggedTime != null ? loggedTime : end != null ? end : setTimestamp,
        user,
        host,
        threadId,
        database,
        requiredDouble("Query_time", properties.queryTime),
        requiredDouble("Lock_time", properties.lockTime),
        requiredLong("Rows_sent", properties.rowsSent),
        requiredLong("Rows_examined", properties.rowsExamined),
        optionalLong(properties.rowsAffected),
        properties.counters(),
        statement,
        text);
  }

  private String statement() throws GarbledException {
    if (!inStatement()) {
      throw new GarbledException("no statement after the header lines, so the entry is truncated");
    }
    int first = starts[statementStart];
    String source;
    int start;
    int end;
    if (startsWith(ADMIN, first, ends[statementStart])) {
      source = message.substring(first + 2, ends[statementStart]).strip();
      start = 0;
      end = source.length();
    } else if (isContiguous(statementStart, lineCount)) {
      // The statement is copied once, straight out of the message.
      source = message;
      start = first;
      end = ends[lineCount - 1];
      while (end > start && Character.isWhitespace(message.charAt(end - 1))) {
        end--; // stripTrailing(): no supplementary character is whitespace
      }
    } else {
      source = joined(statementStart, lineCount).stripTrailing();
      start = 0;
      end = source.length();
    }
    // MySQL ends every statement it logs with ";" (pt's record separator relies on it too).
    if (end == start || source.charAt(end - 1) != ';') {
      throw new GarbledException(
          "the statement does not end with ';', so the entry is truncated"
              + " (a CloudWatch Logs event holds at most 256 KB)");
    }
    return source.substring(start, end - 1);
  }

  /** Lines {@code from} to {@code to} (exclusive) joined with {@code \n}. */
  private String joined(int from, int to) {
    if (from == to) {
      return "";
    }
    if (isContiguous(from, to)) {
      // As they stand in the message; for a message of one entry that is the message itself.
      return message.substring(starts[from], ends[to - 1]);
    }
    StringBuilder text = new StringBuilder(ends[to - 1] - starts[from]);
    for (int i = from; i < to; i++) {
      if (i > from) {
        text.append('\n');
      }
      text.append(message, starts[i], ends[i]);
    }
    return text.toString();
  }

  // Whether each line follows the one before after a lone \n: no \r dropped, no banner skipped.
  private boolean isContiguous(int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (starts[i] != ends[i - 1] + 1) {
        return false;
      }
    }
    return true;
  }

  /** Group 1 of {@code use ([^;]+);\s*} matching the whole line, or null. */
  static String useDatabase(String line) {
    return useDatabase(line, 0, line.length());
  }

  /** {@link #useDatabase(String)} of the line {@code text[start, end)}. */
  static String useDatabase(String text, int start, int end) {
    if (end - start < 4 || !text.startsWith("use ", start)) {
      return null;
    }
    int semicolon = indexOf(text, ';', start + 4, end);
    return semicolon > start + 4 && isSpaceToEnd(text, semicolon + 1, end)
        ? text.substring(start + 4, semicolon)
        : null;
  }

  /**
   * Group 1 of {@code SET\s+((?:timestamp|insert_id|last_insert_id)\s*=[^;]*);\s*} matching the
   * whole line, or null.
   */
  static String setSettings(String line) {
    return setSettings(line, 0, line.length());
  }

  /** {@link #setSettings(String)} of the line {@code text[start, end)}. */
  static String setSettings(String text, int start, int end) {
    if (end - start < 3 || !text.startsWith("SET", start)) {
      return null;
    }
    int i = start + 3;
    while (i < end && isSpace(text.charAt(i))) {
      i++;
    }
    int settingsStart = i;
    if (i == start + 3) {
      return null;
    }
    if (startsWith(text, "timestamp", i, end)) {
      i += "timestamp".length();
    } else if (startsWith(text, "insert_id", i, end)) {
      i += "insert_id".length();
    } else if (startsWith(text, "last_insert_id", i, end)) {
      i += "last_insert_id".length();
    } else {
      return null;
    }
    while (i < end && isSpace(text.charAt(i))) {
      i++;
    }
    if (i >= end || text.charAt(i) != '=') {
      return null;
    }
    int semicolon = indexOf(text, ';', i, end);
    return semicolon > 0 && isSpaceToEnd(text, semicolon + 1, end)
        ? text.substring(settingsStart, semicolon)
        : null;
  }

  private static boolean startsWith(String text, String prefix, int from, int end) {
    return end - from >= prefix.length() && text.startsWith(prefix, from);
  }

  private static int indexOf(String text, char c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSpaceToEnd(String text, int from, int end) {
    for (int i = from; i < end; i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code text[start, end)} as {@link String#isBlank()} judges it. */
  static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      // No supplementary character is whitespace, and no surrogate either.
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // The line without an empty "Schema:".
  private static String properties(String line) {
    return EMPTY_SCHEMA.matcher(line).replaceFirst("");
  }

  /**
   * The first {@code timestamp=...} among the comma-separated settings, read as an instant; null
   * when there is none or it is no epoch second. A scan: {@code split(",")}, then each setting cut
   * at its first {@code =} and stripped.
   */
  private static Instant setTimestamp(String settings) {
    int n = settings.length();
    for (int start = 0; start <= n; ) {
      int comma = settings.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      int equals = indexOf(settings, '=', start, end);
      if (equals >= 0 && isTimestampName(settings, start, equals)) {
        return setTimestampValue(strip(settings, equals + 1, end));
      }
      start = end + 1;
    }
    return null;
  }

  // Whether settings[start, end), stripped, is "timestamp".
  private static boolean isTimestampName(String settings, int start, int end) {
    while (start < end && Character.isWhitespace(settings.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(settings.charAt(end - 1))) {
      end--;
    }
    return end - start == "timestamp".length() && settings.startsWith("timestamp", start);
  }

  // text[start, end).strip(): no supplementary character is whitespace.
  private static String strip(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static Instant setTimestampValue(String value) {
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

  private static double requiredDouble(String name, String value) throws GarbledException {
    required(name, value);
    if (!isSeconds(value)) {
      throw new GarbledException(name + " '" + value + "' is not a number of seconds");
    }
    return DecimalSeconds.parse(value);
  }

  private static long requiredLong(String name, String value) throws GarbledException {
    required(name, value);
    if (!isInteger(value)) {
      throw new GarbledException(name + " '" + value + "' is not a whole number");
    }
    return Long.parseLong(value);
  }

  private static void required(String name, String value) throws GarbledException {
    if (value == null || value.isEmpty()) {
      throw new GarbledException("the header lines lack " + name);
    }
  }

  private static Long optionalLong(String value) {
    return value != null && isInteger(value) ? Long.valueOf(value) : null;
  }

  /** {@code # +[A-Z][A-Za-z_]+: \S+} at the start of the line. */
  static boolean isPropertyLine(String line) {
    return isPropertyLine(line, 0, line.length());
  }

  /** {@link #isPropertyLine(String)} of the line {@code text[start, end)}. */
  static boolean isPropertyLine(String text, int start, int end) {
    if (end == start || text.charAt(start) != '#') {
      return false;
    }
    int i = start + 1;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    if (i == start + 1 || i >= end || !isUpper(text.charAt(i))) {
      return false;
    }
    int nameStart = i++;
    while (i < end && (isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return i - nameStart >= 2
        && i + 2 < end
        && text.charAt(i) == ':'
        && text.charAt(i + 1) == ' '
        && !isSpace(text.charAt(i + 2));
  }

  /**
   * Every {@code (?<!\w)(\w+):\s+(\S+|\z)} of the line, name to value, as {@code find()} would give
   * them, left to right with each match continuing after the previous one's value; a scan, since
   * this runs on every header line of a slow log.
   */
  static void readProperties(String line, Map<String, String> properties) {
    readProperties(
        line,
        0,
        line.length(),
        (text, nameStart, nameEnd, valueStart, valueEnd) ->
            properties.put(
                text.substring(nameStart, nameEnd), text.substring(valueStart, valueEnd)));
  }

  /**
   * {@link #readProperties(String, Map)} of the line {@code text[start, end)}, each pair handed to
   * {@code properties} in turn as where its name and value are in {@code text}.
   */
  static void readProperties(String text, int start, int end, PropertySink properties) {
    int i = start;
    while (i < end) {
      if (!isWordChar(text.charAt(i)) || (i > start && isWordChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int nameEnd = i;
      while (nameEnd < end && isWordChar(text.charAt(nameEnd))) {
        nameEnd++;
      }
      int valueStart = nameEnd + 1;
      if (nameEnd >= end
          || text.charAt(nameEnd) != ':'
          || valueStart >= end
          || !isSpace(text.charAt(valueStart))) {
        i = nameEnd; // no match starts inside the word
        continue;
      }
      while (valueStart < end && isSpace(text.charAt(valueStart))) {
        valueStart++;
      }
      int valueEnd = valueStart;
      while (valueEnd < end && !isSpace(text.charAt(valueEnd))) {
        valueEnd++;
      }
      properties.put(text, i, nameEnd, valueStart, valueEnd);
      i = valueEnd;
    }
  }

  /** Takes the {@code name: value} pairs of a header line where they stand. */
  @FunctionalInterface
  interface PropertySink {
    void put(String text, int nameStart, int nameEnd, int valueStart, int valueEnd);
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

  /**
   * The {@code name: value} pairs of an entry's header lines, the last value of each name kept:
   * those with a field of their own in a variable each, the others in the order their names first
   * appeared, which is the order of the counters.
   */
  private static final class HeaderProperties implements PropertySink {
    private String queryTime;
    private String lockTime;
    private String rowsSent;
    private String rowsExamined;
    private String rowsAffected;
    private String threadId;
    private String schema;
    private String end;
    private String[] names;
    private String[] values;
    private int others;

    @Override
    public void put(String text, int nameStart, int nameEnd, int valueStart, int valueEnd) {
      // Most names are the entry's own fields: told apart where they stand, without a String.
      int length = nameEnd - nameStart;
      if (isName("Query_time", text, nameStart, length)) {
        queryTime = text.substring(valueStart, valueEnd);
      } else if (isName("Lock_time", text, nameStart, length)) {
        lockTime = text.substring(valueStart, valueEnd);
      } else if (isName("Rows_sent", text, nameStart, length)) {
        rowsSent = text.substring(valueStart, valueEnd);
      } else if (isName("Rows_examined", text, nameStart, length)) {
        rowsExamined = text.substring(valueStart, valueEnd);
      } else if (isName("Rows_affected", text, nameStart, length)) {
        rowsAffected = text.substring(valueStart, valueEnd);
      } else if (isName("Thread_id", text, nameStart, length)) {
        threadId = text.substring(valueStart, valueEnd);
      } else if (isName("Schema", text, nameStart, length)) {
        schema = text.substring(valueStart, valueEnd);
      } else if (isName("End", text, nameStart, length)) {
        end = text.substring(valueStart, valueEnd);
      } else if (!isName("Id", text, nameStart, length)
          && !isName("Start", text, nameStart, length)) {
        // Id and Start are fields of the entry that it does not keep; not counters either.
        putOther(text.substring(nameStart, nameEnd), text.substring(valueStart, valueEnd));
      }
    }

    private static boolean isName(String name, String text, int start, int length) {
      return length == name.length() && text.startsWith(name, start);
    }

    private void putOther(String name, String value) {
      for (int i = 0; i < others; i++) {
        if (names[i].equals(name)) {
          values[i] = value;
          return;
        }
      }
      if (names == null) {
        names = new String[8];
        values = new String[8];
      } else if (others == names.length) {
        names = Arrays.copyOf(names, others * 2);
        values = Arrays.copyOf(values, others * 2);
      }
      names[others] = name;
      values[others] = value;
      others++;
    }

    /** The numeric values among the others, and Yes/No flags as 1/0, in log order. */
    Map<String, Long> counters() {
      if (others == 0) {
        return Map.of();
      }
      Map<String, Long> counters = new LinkedHashMap<>();
      for (int i = 0; i < others; i++) {
        String value = values[i];
        if (isInteger(value)) {
          counters.put(names[i], Long.valueOf(value));
        } else if (value.equals("Yes")) {
          counters.put(names[i], 1L);
        } else if (value.equals("No")) {
          counters.put(names[i], 0L);
        }
        // Durations (InnoDB_IO_r_wait: 0.000123) and words are not counters; they are dropped.
      }
      return counters;
    }
  }

  /** Why an entry is garbled; only ever turned into a {@link GarbledSlowLogEntry}. */
  private static final class GarbledException extends Exception {
    private static final long serialVersionUID = 1L;

    GarbledException(String reason) {
      super(reason, null, false, false);
    }
  }
}
