package io.precursor.ingest.errorlog;

import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one InnoDB deadlock dump gathered so far, and what they name: the tables, the lock
 * modes and the transaction InnoDB rolled back.
 *
 * <p>MySQL 8 writes {@code [MY-012468] Transactions deadlock detected} and then {@code [MY-012469]}
 * lines; 5.7 and MariaDB write {@code InnoDB: Transactions deadlock detected} and then {@code
 * InnoDB: *** ...} lines; the InnoDB monitor writes a {@code LATEST DETECTED DEADLOCK} section.
 * Lines without a timestamp (the transactions, lock lines, SQL, record fields) belong to the dump
 * in all of them. The dump ends at {@code *** WE ROLL BACK TRANSACTION (N)}.
 */
final class DeadlockDump extends EntryInProgress {

  /** The line that starts the InnoDB monitor's deadlock section. */
  static final String MONITOR_SECTION = "LATEST DETECTED DEADLOCK";

  // 5.7 and MariaDB: "InnoDB: ***..." or an empty "InnoDB: " before "*** (1) TRANSACTION:", and
  // the note that the search gave up before "*** TRANSACTION:"; the monitor section: a line with a
  // timestamp and only the thread handle "0x7f4bd8123700".
  private static final Pattern DETAIL =
      Pattern.compile("\\*\\*\\*|$|0x[0-9a-f]+$|TOO DEEP OR LONG SEARCH IN THE LOCK TABLE");
  // `db`.`t`, a backtick inside a name doubled; partitions follow as a comment and are left out.
  private static final Pattern TABLE =
      Pattern.compile("table `((?:[^`]|``)+)`(?:\\.`((?:[^`]|``)+)`)?");
  private static final Pattern LOCK_MODE = Pattern.compile("lock[_ ]mode (.+?)(?: waiting)?\\s*$");
  private static final Pattern ROLL_BACK =
      Pattern.compile("\\*\\*\\* WE ROLL BACK TRANSACTION \\((\\d{1,9})\\)");

  /** Bounds the names kept, whatever a garbled dump repeats. */
  private static final int MAX_NAMES = 64;

  private static final int MAX_NAME_CHARS = 256;

  private static final int MAX_SCANNED_LINE_CHARS = 1_000;

  private final Set<String> tables = new LinkedHashSet<>();
  private final Set<String> lockModes = new LinkedHashSet<>();
  private boolean timeKnown;
  private Integer rolledBack;
  private int lines;
  private long chars;

  /**
   * A dump opened by {@code header}.
   *
   * @param timeFromEvent whether the header had no timestamp of its own, so the first timestamped
   *     line of the dump (the monitor section's) gives the time of the deadlock
   */
  DeadlockDump(
      ErrorLogEntry.Builder header, String firstLine, int maxMessageChars, boolean timeFromEvent) {
    super(header, maxMessageChars);
    this.timeKnown = !timeFromEvent;
    add(firstLine);
  }

  /** Whether a timestamped line goes on with an open dump rather than starting an entry. */
  static boolean continues(ErrorLogLine line) {
    if ("MY-012469".equals(line.errorCode())) {
      return true;
    }
    return line.errorCode() == null && DETAIL.matcher(line.message()).lookingAt();
  }

  /** Adds a timestamped line of the dump. */
  void add(ErrorLogLine line) {
    if (!timeKnown && line.time() != null) {
      builder().setEventTime(line.time());
      timeKnown = true;
    }
    add(line.message());
  }

  @Override
  void add(String text) {
    lines++;
    chars += text.length();
    appendCapped(text);
    if (rolledBack == null) {
      Matcher rollBack = ROLL_BACK.matcher(text);
      if (rollBack.find()) {
        rolledBack = Integer.valueOf(rollBack.group(1));
      }
    }
    // A timestamped MY-012469 line may carry several lines of the dump in its message.
    for (String line : text.split("\n")) {
      // InnoDB's lock lines are a few hundred characters; looking no further bounds the regex
      // work (and the stack its repeated groups use) whatever a hostile line holds.
      line = capped(line, MAX_SCANNED_LINE_CHARS);
      Matcher table = TABLE.matcher(line);
      while (table.find()) {
        remember(tables, tableName(table));
      }
      Matcher lockMode = LOCK_MODE.matcher(line);
      if (lockMode.find()) {
        remember(lockModes, lockMode.group(1).strip());
      }
    }
  }

  /** Whether InnoDB said which transaction it rolled back: the last line of a dump. */
  boolean isFinished() {
    return rolledBack != null;
  }

  /** Whether the dump has grown past either limit and must be let go unfinished. */
  boolean exceeds(DumpLimits limits) {
    return lines > limits.maxLines() || chars > limits.maxChars();
  }

  /** The entry for the dump as far as it was read. */
  ErrorLogEntry toEntry(DeadlockDumpEnd end) {
    return builder()
        .setMessage(message())
        .setTables(new ArrayList<>(tables))
        .setLockModes(new ArrayList<>(lockModes))
        .setRolledBack(rolledBack)
        .setDumpEnd(end)
        .build();
  }

  /**
   * {@code db.table} in lower case, as slow query entries name tables, so the two can be joined.
   */
  private static String tableName(Matcher table) {
    String name = table.group(1).replace("``", "`");
    if (table.group(2) != null) {
      name = name + "." + table.group(2).replace("``", "`");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static void remember(Set<String> names, String name) {
    if (names.size() < MAX_NAMES && !name.isEmpty()) {
      names.add(capped(name, MAX_NAME_CHARS));
    }
  }
}
