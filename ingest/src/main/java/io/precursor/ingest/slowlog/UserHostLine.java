package io.precursor.ingest.slowlog;

/**
 * The groups of percona-toolkit's {@code $slow_log_uh_line} on a {@code # User@Host:} line, read by
 * a scan that tries the candidates in the order the regex's backtracking would, so it gives the
 * same groups: {@code # User@Host: ([^\[]+|\[[^\[]+\]).*?@ (\S*) \[(.*)\]\s*(?:Id:\s*(\d+))?}
 * (looking at the start of the line). The regex was the slowest part of reading a header.
 *
 * @param user group 1, untrimmed
 * @param host group 2, empty with skip-name-resolve
 * @param ip group 3
 * @param id group 4, null when the line has no {@code Id:}
 */
record UserHostLine(String user, String host, String ip, String id) {

  private static final String PREFIX = "# User@Host: ";

  /** The groups, or null when the regex would not match. */
  static UserHostLine read(String line) {
    int start = PREFIX.length();
    int n = line.length();
    if (!line.startsWith(PREFIX) || start >= n) {
      return null;
    }
    int nextOpen = line.indexOf('[', start + 1);
    if (nextOpen < 0) {
      nextOpen = n;
    }
    if (line.charAt(start) != '[') {
      // [^\[]+ is greedy: the longest user first, then one character shorter each time.
      for (int userEnd = nextOpen; userEnd > start; userEnd--) {
        UserHostLine read = rest(line, start, userEnd);
        if (read != null) {
          return read;
        }
      }
      return null;
    }
    // \[[^\[]+\]: the user ends at a ']' before the next '[', the last such one first.
    for (int close = nextOpen - 1; close >= start + 2; close--) {
      if (line.charAt(close) == ']') {
        UserHostLine read = rest(line, start, close + 1);
        if (read != null) {
          return read;
        }
      }
    }
    return null;
  }

  // .*?@ (\S*) \[(.*)\]\s*(?:Id:\s*(\d+))? after a user of line[start, userEnd).
  private static UserHostLine rest(String line, int start, int userEnd) {
    int n = line.length();
    for (int at = userEnd; at + 1 < n && !isLineTerminator(line.charAt(at)); at++) {
      if (line.charAt(at) != '@' || line.charAt(at + 1) != ' ') {
        continue;
      }
      int hostStart = at + 2;
      int hostEnd = hostStart;
      while (hostEnd < n && !isSpace(line.charAt(hostEnd))) {
        hostEnd++;
      }
      if (hostEnd + 1 >= n || line.charAt(hostEnd) != ' ' || line.charAt(hostEnd + 1) != '[') {
        continue;
      }
      int ipStart = hostEnd + 2;
      int close = -1;
      for (int i = ipStart; i < n && !isLineTerminator(line.charAt(i)); i++) {
        if (line.charAt(i) == ']') {
          close = i; // .* is greedy: the last ']' before a line terminator
        }
      }
      if (close < 0) {
        continue;
      }
      return new UserHostLine(
          line.substring(start, userEnd),
          line.substring(hostStart, hostEnd),
          line.substring(ipStart, close),
          id(line, close + 1));
    }
    return null;
  }

  // \s*Id:\s*(\d+), or null: the group is optional.
  private static String id(String line, int from) {
    int n = line.length();
    int i = from;
    while (i < n && isSpace(line.charAt(i))) {
      i++;
    }
    if (!line.startsWith("Id:", i)) {
      return null;
    }
    i += "Id:".length();
    while (i < n && isSpace(line.charAt(i))) {
      i++;
    }
    int digitsStart = i;
    while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
      i++;
    }
    return i > digitsStart ? line.substring(digitsStart, i) : null;
  }

  // What Java's '.' does not match without DOTALL or UNIX_LINES.
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  // Java's \s without UNICODE_CHARACTER_CLASS.
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
