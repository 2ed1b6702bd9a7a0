package io.precursor.alerting.slack;

import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the Slack message for a failover incident and the precursors that led to it. */
public final class IncidentMessage {

  private IncidentMessage() {}

  /** The message for one lifecycle change of {@code incident}; every dynamic text escaped. */
  public static SlackMessage of(Incident incident) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.Header.of(title(incident)));
    blocks.add(Block.Section.fields(facts(incident)));
    if (incident.getMessage() != null && !incident.getMessage().isBlank()) {
      blocks.add(Block.Section.text("*RDS event:* " + SlackText.escape(incident.getMessage())));
    }
    blocks.add(Block.Section.text(precursors(incident)));
    blocks.add(Block.Context.of("Incident " + SlackText.code(incident.getId())));
    return new SlackMessage(fallback(incident), blocks);
  }

  /** A linked precursor in words: "bulk DML memory pressure on `ads-prod-1`, 23 min before". */
  static String leadLine(LinkedPrecursor p) {
    long lead = p.getLeadTimeMillis();
    String when =
        lead >= 0
            ? Phrasing.duration(Duration.ofMillis(lead)) + " before"
            : Phrasing.duration(Duration.ofMillis(-lead)) + " after the start";
    return Phrasing.kind(p.getKind())
        + " on "
        + PrecursorMessage.orUnknown(p.getInstance())
        + ", "
        + when
        + " ("
        + Phrasing.severity(p.getSeverity()).toLowerCase(java.util.Locale.ROOT)
        + ")";
  }

  private static String title(Incident incident) {
    return switch (incident.getState()) {
      case FAILOVER_STARTED -> ":rotating_light: Failover started";
      case FAILOVER_COMPLETED -> ":white_check_mark: Failover completed";
      case FAILOVER_FAILED -> ":x: Failover failed";
    };
  }

  private static List<String> facts(Incident incident) {
    List<String> fields = new ArrayList<>();
    fields.add("*Cluster*\n" + PrecursorMessage.orUnknown(incident.getCluster()));
    fields.add("*Instance*\n" + PrecursorMessage.orUnknown(incident.getInstance()));
    fields.add("*Started at*\n" + Phrasing.utc(incident.getStartedAt()));
    if (incident.getCompletedAt() != null) {
      fields.add("*Completed at*\n" + Phrasing.utc(incident.getCompletedAt()));
    }
    if (incident.getRtoMillis() != null) {
      fields.add("*RTO*\n" + Phrasing.duration(Duration.ofMillis(incident.getRtoMillis())));
    }
    return fields;
  }

  private static String precursors(Incident incident) {
    List<LinkedPrecursor> linked = incident.getPrecursors();
    if (linked.isEmpty()) {
      return "*Precursors:* none was seen before this failover.";
    }
    List<String> lines = linked.stream().map(p -> "• " + leadLine(p)).toList();
    return SlackText.lines("*Precursors that led to it*", lines, SlackText.SECTION_TEXT_MAX);
  }

  // One line for notifications: what happened where, with RTO or the earliest warning.
  private static String fallback(Incident incident) {
    String what =
        switch (incident.getState()) {
          case FAILOVER_STARTED -> "Failover started";
          case FAILOVER_COMPLETED -> "Failover completed";
          case FAILOVER_FAILED -> "Failover failed";
        };
    StringBuilder line = new StringBuilder(what).append(" on ").append(where(incident));
    if (incident.getRtoMillis() != null) {
      line.append(", RTO ").append(Phrasing.duration(Duration.ofMillis(incident.getRtoMillis())));
    }
    List<LinkedPrecursor> linked = incident.getPrecursors();
    if (linked.isEmpty()) {
      line.append("; no precursor before it");
    } else {
      long earliest = linked.stream().mapToLong(LinkedPrecursor::getLeadTimeMillis).max().orElse(0);
      line.append("; ")
          .append(linked.size())
          .append(linked.size() == 1 ? " precursor" : " precursors")
          .append(", the first ")
          .append(Phrasing.duration(Duration.ofMillis(Math.max(0, earliest))))
          .append(" before");
    }
    return line.toString();
  }

  private static String where(Incident incident) {
    String cluster = SlackText.escapeLine(incident.getCluster());
    String instance = SlackText.escapeLine(incident.getInstance());
    if (cluster.isEmpty()) {
      return instance.isEmpty() ? "an unnamed cluster" : instance;
    }
    return instance.isEmpty() ? "cluster " + cluster : "cluster " + cluster + " (" + instance + ")";
  }
}
