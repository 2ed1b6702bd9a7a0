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
    List<SlowLogItem> items = new ArrayList<>(2);
    BannerCandidates banners = new BannerCandidates(message);
    SlowLogEntryReader entry = new SlowLogEntryReader(message);
    // The lines are read in place, by index: a line becomes a String only when the entry needs it.
    int start = 0;
    while (true) {
      int newline = message.indexOf('\n', start);
      int end =
          newline < 0
              ? message.length()
              : newline > start && message.charAt(newline - 1) == '\r' ? newline - 1 : newline;
      if (banners.isFileBanner(start, end)) {
        if (entry.inStatement()) {
          items.add(entry.read());
          entry = new SlowLogEntryReader(message);
        }
      } else if (!entry.isEmpty() || !SlowLogEntryReader.isBlank(message, start, end)) {
        if (entry.startsNewEntry(start, end)) {
          items.add(entry.read());
          entry = new SlowLogEntryReader(message);
        }
        entry.add(start, end);
      }
      if (newline < 0) {
        break;
      }
      start = newline + 1;
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

  /**
   * Tells banner lines among the lines of one message. The regex is tried only on lines it could
   * match, told cheaply: a match starts with 'T', or names mysqld or mariadbd, which it must follow
   * with "Version", and then starts with '/' or a capital (mysqld) or '/' or 'm' (mariadbd). The
   * one word is searched for once per occurrence in the message, not once per line.
   */
  private static final class BannerCandidates {
    private static final String VERSION = "Version";

    private final String message;
    private int nextVersion = -1;

    BannerCandidates(String message) {
      this.message = message;
    }

    boolean isFileBanner(int start, int end) {
      if (start == end) {
        return false;
      }
      char first = message.charAt(start);
      boolean candidate =
          first == 'T'
              || ((first == '/' || first == 'm' || (first >= 'A' && first <= 'Z'))
                  && containsVersion(start, end));
      return candidate && FILE_BANNER.matcher(message.substring(start, end)).lookingAt();
    }

    // Lines come in order, so the next occurrence found for an earlier line still holds for this
    // one unless it lies before this line.
    private boolean containsVersion(int start, int end) {
      if (nextVersion != Integer.MAX_VALUE && nextVersion < start) {
        int next = message.indexOf(VERSION, start);
        nextVersion = next < 0 ? Integer.MAX_VALUE : next;
      }
      return nextVersion != Integer.MAX_VALUE && nextVersion + VERSION.length() <= end;
    }
  }
}
