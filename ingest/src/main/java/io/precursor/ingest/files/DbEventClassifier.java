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

import io.precursor.schemas.DbEventKind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says what an RDS event means: by its EventID when the source carried one (EventBridge, SNS), else
 * by its categories and message text, since DescribeEvents has no EventID (FACTS 3.7).
 */
public final class DbEventClassifier {

  /**
   * An event RDS documents, as the User Guide's event table lists it (FACTS 3.1, 3.2), with the
   * kind Precursor gives it; {@code <name>} stands for the text RDS fills in.
   */
  record KnownEvent(String eventId, String category, String message, DbEventKind kind) {}

  /**
   * The classification table. An event's kind is the same whether it arrives with its id
   * (EventBridge, SNS) or without (DescribeEvents): the test classifies every message here by text
   * and expects the kind of its id.
   */
  static final List<KnownEvent> KNOWN_EVENTS =
      List.of(
          new KnownEvent(
              "RDS-EVENT-0069",
              "failover",
              "Cluster failover failed, check the health of your cluster instances and try again.",
              FAILOVER_FAILED),
          // The failover started over.
          new KnownEvent(
              "RDS-EVENT-0070",
              "failover",
              "Promoting previous primary again: <name>.",
              FAILOVER_STARTED),
          new KnownEvent(
              "RDS-EVENT-0071",
              "failover",
              "Completed failover to DB instance: <name>.",
              FAILOVER_COMPLETED),
          new KnownEvent(
              "RDS-EVENT-0072",
              "failover",
              "Started same AZ failover to DB instance: <name>.",
              FAILOVER_STARTED),
          new KnownEvent(
              "RDS-EVENT-0073",
              "failover",
              "Started cross AZ failover to DB instance: <name>.",
              FAILOVER_STARTED),
          new KnownEvent("RDS-EVENT-0004", "availability", "DB instance shutdown.", SHUTDOWN),
          new KnownEvent("RDS-EVENT-0006", "availability", "DB instance restarted.", RESTART),
          // The engine went down and did not come back cleanly.
          new KnownEvent(
              "RDS-EVENT-0022", "availability", "Error restarting mysql: <message>.", RESTART),
          new KnownEvent(
              "RDS-EVENT-0007",
              "low storage",
              "Allocated storage has been exhausted. Allocate additional storage to resolve.",
              LOW_STORAGE),
          new KnownEvent(
              "RDS-EVENT-0089",
              "low storage",
              "The free storage capacity for DB instance: <name> is low at <percentage> of the"
                  + " provisioned storage [Provisioned Storage: <size>, Free Storage: <size>]. You"
                  + " may want to increase the provisioned storage to address this issue.",
              LOW_STORAGE),
          // The database is shut down, but because its storage is full: the cause is what an
          // on-call engineer acts on, and the shutdown is the storage running out.
          new KnownEvent(
              "RDS-EVENT-0221",
              "availability",
              "DB instance has reached the storage-full threshold, and the database has been shut"
                  + " down. You can increase the allocated storage to address this issue.",
              LOW_STORAGE),
          new KnownEvent(
              "RDS-EVENT-0222",
              "availability",
              "Free storage capacity for DB instance <name> is low at <percentage> of the"
                  + " allocated storage [Allocated storage: <amount>, Free storage: <amount>]. The"
                  + " database will be shut down to prevent corruption if free storage is lower"
                  + " than <amount>. You can increase the allocated storage to address this"
                  + " issue.",
              LOW_STORAGE),
          new KnownEvent(
              "RDS-EVENT-0227",
              "low storage",
              "Your Aurora cluster's storage is dangerously low with only <amount> terabytes"
                  + " remaining. Please take measures to reduce the storage load on your cluster.",
              LOW_STORAGE));

  private static final Map<String, DbEventKind> BY_EVENT_ID =
      KNOWN_EVENTS.stream().collect(Collectors.toMap(KnownEvent::eventId, KnownEvent::kind));

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
    // Before shutdown: RDS-EVENT-0221 and 0222 speak of a shutdown caused by full storage.
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
