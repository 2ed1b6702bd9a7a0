package io.precursor.alerting.slack;

import io.precursor.schemas.FailoverPrecursor;
import java.util.ArrayList;
import java.util.List;

/** Builds the Slack message that warns on-call about one failover precursor. */
public final class PrecursorMessage {

  static final int MAX_METRICS = 8;

  private PrecursorMessage() {}

  /** The message for {@code precursor}: what, where, evidence, hint; every dynamic text escaped. */
  public static SlackMessage of(FailoverPrecursor precursor) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.Header.of(title(precursor)));
    blocks.add(Block.Section.fields(where(precursor)));
    blocks.add(Block.Section.text(SlackText.escape(precursor.getSummary())));
    if (!precursor.getTopFingerprints().isEmpty()) {
      blocks.add(Block.Section.text(evidence(precursor)));
    }
    if (!precursor.getMetrics().isEmpty()) {
      List<String> lines =
          precursor.getMetrics().stream().limit(MAX_METRICS).map(TrajectoryLine::render).toList();
      blocks.add(
          Block.Section.text(SlackText.lines("*Metrics*", lines, SlackText.SECTION_TEXT_MAX)));
    }
    if (precursor.getHint() != null && !precursor.getHint().isBlank()) {
      blocks.add(Block.Section.text(":bulb: *Hint:* " + SlackText.escape(precursor.getHint())));
    }
    blocks.add(Block.Context.of("Precursor " + SlackText.code(precursor.getId())));
    return new SlackMessage(fallback(precursor), blocks);
  }

  // The table in a code block, plus a count of the statements left out of it.
  private static String evidence(FailoverPrecursor precursor) {
    String title = "*Top statements*\n";
    int total = precursor.getTopFingerprints().size();
    String more =
        total > FingerprintTable.MAX_ROWS
            ? "\n_"
                + SlackText.ELLIPSIS
                + "and "
                + (total - FingerprintTable.MAX_ROWS)
                + " more statements_"
            : "";
    int room = SlackText.SECTION_TEXT_MAX - title.length() - more.length();
    return title
        + SlackText.codeBlock(FingerprintTable.render(precursor.getTopFingerprints()), room)
        + more;
  }

  private static String title(FailoverPrecursor p) {
    return Phrasing.severityEmoji(p.getSeverity())
        + " "
        + Phrasing.severity(p.getSeverity())
        + ": "
        + Phrasing.kind(p.getKind());
  }

  private static List<String> where(FailoverPrecursor p) {
    return List.of(
        "*Cluster*\n" + orUnknown(p.getCluster()),
        "*Instance*\n" + orUnknown(p.getInstance()),
        "*Role*\n" + orUnknown(p.getRole()),
        "*Window*\n" + Phrasing.window(p.getWindowStart(), p.getWindowEnd()),
        "*Detected at*\n" + Phrasing.utc(p.getDetectedAt()));
  }

  // One line for notifications: severity, kind, where, and the summary.
  private static String fallback(FailoverPrecursor p) {
    String where =
        p.getCluster() == null
            ? SlackText.escapeLine(p.getInstance())
            : SlackText.escapeLine(p.getInstance())
                + " (cluster "
                + SlackText.escapeLine(p.getCluster())
                + ")";
    return Phrasing.severity(p.getSeverity())
        + ": "
        + Phrasing.kind(p.getKind())
        + " on "
        + where
        + " — "
        + SlackText.escapeLine(p.getSummary());
  }

  static String orUnknown(String identifier) {
    String code = SlackText.code(identifier);
    return code.isEmpty() ? "unknown" : code;
  }
}
