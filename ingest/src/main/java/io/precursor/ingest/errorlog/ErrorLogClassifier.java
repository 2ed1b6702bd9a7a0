package io.precursor.ingest.errorlog;

import io.precursor.schemas.ErrorLogKind;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what an error log line announces: a deadlock, memory exhaustion, refused connections, a
 * restart, a shutdown.
 */
final class ErrorLogClassifier {

  /** ER_OUTOFMEMORY, ER_OUT_OF_SORTMEMORY, ER_OUT_OF_RESOURCES as MySQL 8 writes them. */
  private static final Set<String> OUT_OF_MEMORY_CODES =
      Set.of("MY-001037", "MY-001038", "MY-001041");

  /** ER_CON_COUNT_ERROR and ER_TOO_MANY_USER_CONNECTIONS as MySQL 8 writes them. */
  private static final Set<String> TOO_MANY_CONNECTIONS_CODES = Set.of("MY-001040", "MY-001203");

  private static final Pattern DEADLOCK =
      Pattern.compile("Transactions deadlock detected|LATEST DETECTED DEADLOCK");
  // Signal 9 cannot be caught by mysqld; when it is logged it is the kernel's OOM killer at work.
  private static final Pattern OUT_OF_MEMORY =
      Pattern.compile(
          "out of memory|cannot allocate memory|errno:? 12\\b|mysqld got signal 9\\b",
          Pattern.CASE_INSENSITIVE);
  // Not a bare "max_connections": MariaDB names it in a start-up warning about raised limits.
  private static final Pattern TOO_MANY_CONNECTIONS =
      Pattern.compile("too many connections|'max_user_connections'", Pattern.CASE_INSENSITIVE);
  private static final Pattern SHUTDOWN =
      Pattern.compile(
          "shutdown complete|normal shutdown|received shutdown", Pattern.CASE_INSENSITIVE);
  private static final Pattern RESTART =
      Pattern.compile(
          "ready for connections|starting as process|starting mysql|starting mariadb",
          Pattern.CASE_INSENSITIVE);

  private ErrorLogClassifier() {}

  static ErrorLogKind kindOf(String errorCode, String message) {
    if ("MY-012468".equals(errorCode) || DEADLOCK.matcher(message).find()) {
      return ErrorLogKind.DEADLOCK;
    }
    if ((errorCode != null && OUT_OF_MEMORY_CODES.contains(errorCode))
        || OUT_OF_MEMORY.matcher(message).find()) {
      return ErrorLogKind.OUT_OF_MEMORY;
    }
    if ((errorCode != null && TOO_MANY_CONNECTIONS_CODES.contains(errorCode))
        || TOO_MANY_CONNECTIONS.matcher(message).find()) {
      return ErrorLogKind.TOO_MANY_CONNECTIONS;
    }
    if (SHUTDOWN.matcher(message).find()) {
      return ErrorLogKind.SHUTDOWN;
    }
    if (RESTART.matcher(message).find()) {
      return ErrorLogKind.RESTART;
    }
    return ErrorLogKind.OTHER;
  }
}
