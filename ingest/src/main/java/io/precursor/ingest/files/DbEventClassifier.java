package io.precursor.ingest.files;

import static io.precursor.schemas.DbEventKind.FAILOVER_COMPLETED;
import static io.precursor.schemas.DbEventKind.FAILOVER_FAILED;
import static io.precursor.schemas.DbEventKind.FAILOVER_STARTED;
import static io.precursor.schemas.DbEventKind.LOW_MEMORY;
import static io.precursor.schemas.DbEventKind.LOW_STORAGE;
import static io.precursor.schemas.DbEventKind.OTHER;
import static io.precursor.schemas.DbEventKind.REBOOT;
import static io.precursor.schemas.DbEventKind.RESTART;
import static io.precursor.schemas.DbEventKind.SHUTDOWN;
import static java.util.Map.entry;

import io.precursor.schemas.DbEventKind;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says what an RDS event means: by its EventID when the source carried one (EventBridge, SNS), else
 * by its categories and message text, since DescribeEvents has no EventID (FACTS 3.7).
 */
public final class DbEventClassifier {

  /** Event ids from the Aurora User Guide's event table (FACTS 3.1, 3.2). */
  private static final Map<String, DbEventKind> BY_EVENT_ID =
      Map.ofEntries(
          entry("RDS-EVENT-0069", FAILOVER_FAILED),
          // "Promoting previous primary again": the failover started over.
          entry("RDS-EVENT-0070", FAILOVER_STARTED),
          entry("RDS-EVENT-0071", FAILOVER_COMPLETED),
          entry("RDS-EVENT-0072", FAILOVER_STARTED),
          entry("RDS-EVENT-0073", FAILOVER_STARTED),
          entry("RDS-EVENT-0004", SHUTDOWN),
          entry("RDS-EVENT-0006", RESTART),
          // "Error restarting mysql": the engine went down and did not come back cleanly.
          entry("RDS-EVENT-0022", RESTART),
          entry("RDS-EVENT-0007", LOW_STORAGE),
          entry("RDS-EVENT-0089", LOW_STORAGE),
          entry("RDS-EVENT-0221", LOW_STORAGE),
          entry("RDS-EVENT-0222", LOW_STORAGE),
          entry("RDS-EVENT-0227", LOW_STORAGE));

  private DbEventClassifier() {}

  /**
   * The kind of an event.
   *
   * @param eventId {@code RDS-EVENT-nnnn}, or {@code null} when the source has none
   */
  public static DbEventKind classify(
      String eventId, Collection<String> categories, String message) {
    if (eventId != null) {
      DbEventKind known = BY_EVENT_ID.get(eventId.trim().toUpperCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    return byText(
        categories.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
        message == null ? "" : message.toLowerCase(Locale.ROOT));
  }

  private static DbEventKind byText(Set<String> categories, String text) {
    // Global database failovers move whole clusters between regions; they are not an instance
    // failing over, so they fall through to OTHER.
    boolean global = categories.contains("global failover") || text.contains("global");
    if (!global && (categories.contains("failover") || text.contains("failover"))) {
      if (text.contains("failed")) {
        return FAILOVER_FAILED;
      }
      if (text.contains("complete") || text.contains("finished")) {
        return FAILOVER_COMPLETED;
      }
      if (text.contains("start")
          || text.contains("began")
          || text.contains("begun")
          || text.contains("promoting")) {
        return FAILOVER_STARTED;
      }
      return OTHER;
    }
    // Before shutdown: RDS-EVENT-0221 says the instance hit the storage-full threshold *and* was
    // shut down, and its id classifies it as low storage; the text must agree.
    if (categories.contains("low storage")
        || (text.contains("storage")
            && (text.contains("low") || text.contains("exhausted") || text.contains("full")))) {
      return LOW_STORAGE;
    }
    if (text.contains("shutdown") || text.contains("shut down")) {
      return SHUTDOWN;
    }
    if (text.contains("reboot")) {
      return REBOOT;
    }
    if (text.contains("restart")) {
      return RESTART;
    }
    if (categories.contains("low memory")
        || (text.contains("memory")
            && (text.contains("low")
                || text.contains("insufficient")
                || text.contains("out of")))) {
      return LOW_MEMORY;
    }
    return OTHER;
  }
}
