package io.precursor.ingest.slowlog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the message of one CloudWatch Logs event of a slow query log into its entries (usually one,
 * possibly several), each either parsed or garbled with a reason, in the order they appear.
 *
 * <p>Reads MySQL 5.6, 5.7 and 8.0 (with and without log_slow_extra), Aurora MySQL 2 and 3, and the
 * extra header lines of Percona Server and MariaDB. An entry begins at {@code # Time:}, or at
 * {@code # User@Host:} / {@code # Query_time:} when the current entry already has one (5.6 omits
 * {@code # Time:} when the second has not changed). The banner MySQL writes when it opens the log
 * file is skipped.
 */
public final class SlowQueryParser {

  // percona-toolkit lib/SlowLogParser.pm $slow_log_hd_line, plus MariaDB 10.5+'s binary name
  // ("mariadbd, Version: ..."), which pt does not know. The atomic group commits to the first
  // "mysqld, Version", so a line repeating it is not searched once per repetition.
  private static final Pattern FILE_BANNER =
      Pattern.compile(
          "T[cC][pP]\\s[pP]ort:\\s+\\d+"
              + "|(?>[/A-Z].*?mysqld,\\sVersion|(?:/.*/)?mariadbd,\\sVersion)"
              + ".*(?:started\\swith:|embedded\\slibrary)"
              + "|Time\\s+Id\\s+Command");

  /** The entries of one log event message; empty when it holds only blank or banner lines. */
  public List<SlowLogItem> parse(String message) {
    List<SlowLogItem> items = new ArrayList<>();
    SlowLogEntryReader entry = new SlowLogEntryReader();
    for (String line : lines(message)) {
      if (isFileBanner(line)) {
        if (entry.inStatement()) {
          items.add(entry.read());
          entry = new SlowLogEntryReader();
        }
        continue;
      }
      if (entry.isEmpty() && line.isBlank()) {
        continue;
      }
      if (entry.startsNewEntry(line)) {
        items.add(entry.read());
        entry = new SlowLogEntryReader();
      }
      entry.add(line);
    }
    if (!entry.isEmpty()) {
      items.add(entry.read());
    }
    return items;
  }

  /**
   * {@code message.split("\r?\n", -1)}, without a regex: this runs over every byte of a slow log,
   * and the regex split took as long as the rest of the parser.
   */
  static List<String> lines(String message) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int newline;
    while ((newline = message.indexOf('\n', start)) >= 0) {
      int end = newline > start && message.charAt(newline - 1) == '\r' ? newline - 1 : newline;
      lines.add(message.substring(start, end));
      start = newline + 1;
    }
    lines.add(message.substring(start));
    return lines;
  }

  // A banner line starts with 'T' or names mysqld or mariadbd; the cheap test spares every
  // statement line the regex's scan for the server name.
  private static boolean isFileBanner(String line) {
    return (line.startsWith("T") || line.contains("mysqld,") || line.contains("mariadbd,"))
        && FILE_BANNER.matcher(line).lookingAt();
  }
}
