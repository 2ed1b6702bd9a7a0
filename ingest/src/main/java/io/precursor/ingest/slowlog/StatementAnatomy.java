package io.precursor.ingest.slowlog;

import io.precursor.schemas.StatementKind;
import java.util.List;
import java.util.Objects;

/**
 * What a statement does, the tables it touches and the size of its largest {@code IN (...)} list,
 * read from its tokens rather than by a full SQL parser.
 *
 * @param tables lower case, backticks stripped, {@code db.table} when qualified, in order of first
 *     mention
 * @param largestInList number of values in the largest {@code IN (...)} list, 0 when there is none;
 *     a list of N values at or above eq_range_index_dive_limit is what turned an index lookup into
 *     a full scan in seed 004
 */
public record StatementAnatomy(StatementKind kind, List<String> tables, int largestInList) {

  public StatementAnatomy {
    Objects.requireNonNull(kind, "kind");
    tables = List.copyOf(tables);
  }

  /** Reads the anatomy of a statement as logged (administrator commands included). */
  public static StatementAnatomy of(String statement) {
    if (statement.startsWith("administrator command:")) {
      return new StatementAnatomy(StatementKind.ADMIN, List.of(), 0);
    }
    List<SqlToken> tokens = SqlLexer.tokens(statement);
    int verbIndex = mainVerbIndex(tokens);
    StatementKind kind =
        verbIndex < 0 ? StatementKind.OTHER : kindOf(tokens.get(verbIndex).upper());
    boolean show = verbIndex >= 0 && tokens.get(verbIndex).isWord("SHOW");
    List<String> tables = show ? List.of() : TableReferences.in(tokens, verbIndex);
    return new StatementAnatomy(kind, tables, largestInList(tokens));
  }

  private static StatementKind kindOf(String verb) {
    return switch (verb) {
      case "SELECT", "TABLE" -> StatementKind.SELECT;
      // LOAD DATA writes rows as a multi-row INSERT does, and the bulk-DML rule must see it.
      case "INSERT", "LOAD" -> StatementKind.INSERT;
      case "UPDATE" -> StatementKind.UPDATE;
      case "DELETE" -> StatementKind.DELETE;
      case "REPLACE" -> StatementKind.REPLACE;
      // InnoDB runs OPTIMIZE TABLE as a table rebuild (ALTER TABLE ... FORCE).
      case "TRUNCATE", "ALTER", "CREATE", "DROP", "RENAME", "OPTIMIZE" -> StatementKind.DDL;
      default -> StatementKind.OTHER;
    };
  }

  /**
   * Index of the verb that says what the statement does: the first word after any opening
   * parentheses, or for {@code WITH ...} the first DML verb after the common table expressions.
   */
  private static int mainVerbIndex(List<SqlToken> tokens) {
    int i = 0;
    while (i < tokens.size() && tokens.get(i).isSymbol('(')) {
      i++;
    }
    if (i == tokens.size() || tokens.get(i).kind() != SqlToken.Kind.WORD) {
      return -1;
    }
    if (!tokens.get(i).isWord("WITH")) {
      return i;
    }
    int depth = 0;
    for (int j = i + 1; j < tokens.size(); j++) {
      SqlToken token = tokens.get(j);
      if (token.isSymbol('(')) {
        depth++;
      } else if (token.isSymbol(')')) {
        depth--;
      } else if (depth == 0
          && (token.isWord("SELECT")
              || token.isWord("INSERT")
              || token.isWord("UPDATE")
              || token.isWord("DELETE")
              || token.isWord("REPLACE")
              || token.isWord("TABLE"))) {
        return j;
      }
    }
    return -1;
  }

  /** Values in the largest {@code IN (...)}; nested parentheses count as one value each. */
  private static int largestInList(List<SqlToken> tokens) {
    int largest = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).isWord("IN") || !tokens.get(i + 1).isSymbol('(')) {
        continue;
      }
      int commas = 0;
      boolean anyValue = false;
      int depth = 0;
      for (int j = i + 1; j < tokens.size(); j++) {
        SqlToken token = tokens.get(j);
        if (token.isSymbol('(')) {
          anyValue |= ++depth > 1; // a nested tuple is one value
        } else if (token.isSymbol(')')) {
          if (--depth == 0) {
            break;
          }
        } else if (depth == 1 && (token.isWord("SELECT") || token.isWord("WITH"))) {
          anyValue = false; // a subquery, not a list of values
          break;
        } else if (depth == 1 && token.isSymbol(',')) {
          commas++;
        } else {
          anyValue = true;
        }
      }
      int values = anyValue ? commas + 1 : 0;
      largest = Math.max(largest, values);
    }
    return largest;
  }
}
