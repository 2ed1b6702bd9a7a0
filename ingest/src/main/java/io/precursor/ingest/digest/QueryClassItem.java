package io.precursor.ingest.digest;

import io.precursor.schemas.StatementKind;
import java.util.Locale;

/**
 * The short name of a query class in a profile table, as pt-query-digest's "Item" column: what the
 * statements do and the tables they touch, e.g. {@code SELECT orders customers}.
 */
final class QueryClassItem {

  private QueryClassItem() {}

  static String of(QueryClass queryClass) {
    StatementKind kind = queryClass.kind();
    if (kind == StatementKind.ADMIN) {
      return "ADMIN " + queryClass.fingerprint().substring("administrator command: ".length());
    }
    if (kind == StatementKind.OTHER || queryClass.tables().isEmpty()) {
      // SHOW, SET, CALL...: the verb (and for CALL the procedure) says more than a kind.
      String[] words = queryClass.fingerprint().split(" ", 3);
      String verb = words[0].toUpperCase(Locale.ROOT);
      return words.length > 1 && verb.equals("CALL") ? verb + " " + words[1] : verb;
    }
    return kind.name() + " " + String.join(" ", queryClass.tables());
  }
}
