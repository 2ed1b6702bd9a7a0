package io.precursor.alerting.slack;

import io.precursor.schemas.FingerprintEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The busiest query fingerprints of a precursor as a fixed-width table for a code block. */
final class FingerprintTable {

  static final int MAX_ROWS = 5;
  private static final int STATEMENT_MAX = 100;
  private static final String ROW = "%7s %14s %9s %8s  %s";

  private FingerprintTable() {}

  /**
   * The header line and one line per fingerprint (busiest first, at most {@link #MAX_ROWS}), raw.
   */
  static List<String> render(List<FingerprintEvidence> fingerprints) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT, ROW, "count", "rows examined", "max time", "IN list", "statement"));
    fingerprints.stream().limit(MAX_ROWS).map(FingerprintTable::row).forEach(lines::add);
    return lines;
  }

  private static String row(FingerprintEvidence f) {
    String inList = f.getLargestInList() > 0 ? Integer.toString(f.getLargestInList()) : "-";
    String statement =
        SlackText.truncatePlain(SlackText.oneLine(f.getFingerprint()), STATEMENT_MAX);
    return String.format(
        Locale.ROOT,
        ROW,
        Phrasing.count(f.getCount()),
        Phrasing.count(f.getRowsExamined()),
        seconds(f.getMaxQueryTimeSeconds()),
        inList,
        statement);
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.1f s" : "%.0f s", value);
  }
}
