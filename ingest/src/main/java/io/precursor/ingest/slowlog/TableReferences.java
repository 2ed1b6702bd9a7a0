package io.precursor.ingest.slowlog;

import io.precursor.ingest.slowlog.SqlToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a statement touches: after FROM and JOIN (and the commas of a FROM list), INTO,
 * a leading UPDATE, INSERT or REPLACE, TRUNCATE [TABLE], DDL's TABLE, DELETE's USING, and the same
 * inside subqueries. Aliases, CTE names, index hints and function arguments are not tables.
 */
final class TableReferences {

  private static final Set<String> NOT_A_TABLE =
      Set.of(
          "SELECT",
          "WITH",
          "VALUES",
          "VALUE",
          "TABLE",
          "DUAL",
          "LATERAL",
          "JSON_TABLE",
          "SET",
          "WHERE",
          "ON",
          "USING",
          "AS",
          "INTO",
          "IGNORE",
          "LOW_PRIORITY",
          "DELAYED",
          "HIGH_PRIORITY",
          "QUICK",
          "OUTFILE",
          "DUMPFILE",
          "IF",
          "NOT",
          "EXISTS",
          "TEMPORARY",
          "ONLINE",
          "PARTITION",
          "LOCAL");

  /** Keywords after which a FROM (or UPDATE) list of tables has ended. */
  private static final Set<String> END_OF_TABLE_LIST =
      Set.of(
          "WHERE",
          "GROUP",
          "HAVING",
          "ORDER",
          "LIMIT",
          "UNION",
          "EXCEPT",
          "INTERSECT",
          "SET",
          "WINDOW",
          "FOR",
          "PROCEDURE",
          "LOCK",
          "INTO",
          "SELECT");

  private static final Set<String> DDL_VERBS =
      Set.of("ALTER", "CREATE", "DROP", "RENAME", "OPTIMIZE");

  private enum Scope {
    /** The statement itself, or a subquery: FROM and JOIN name tables here. */
    QUERY,
    /** A parenthesised list of joined tables: {@code FROM (a JOIN b)}. */
    TABLE_GROUP,
    /** Function arguments, IN lists, column lists, expressions. */
    EXPRESSION
  }

  private static final class Frame {
    final Scope scope;
    boolean tableList;

    Frame(Scope scope) {
      this.scope = scope;
    }
  }

  private final List<SqlToken> tokens;
  private final String verb;
  private final int verbIndex;
  private final Set<String> tables = new LinkedHashSet<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private boolean expectTable;
  private boolean ddlTableSeen;
  private boolean indexSeen;

  private TableReferences(List<SqlToken> tokens, int verbIndex) {
    this.tokens = tokens;
    this.verbIndex = verbIndex;
    this.verb = verbIndex >= 0 ? tokens.get(verbIndex).upper() : "";
  }

  /** Tables in order of first mention, lower case, {@code db.table} when qualified. */
  static List<String> in(List<SqlToken> tokens, int verbIndex) {
    TableReferences scan = new TableReferences(tokens, verbIndex);
    scan.scan();
    Set<String> cteNames = cteNames(tokens);
    List<String> found = new ArrayList<>(scan.tables);
    found.removeIf(cteNames::contains);
    return List.copyOf(found);
  }

  private void scan() {
    frames.push(new Frame(Scope.QUERY));
    for (int i = 0; i < tokens.size(); i++) {
      i = visit(i);
    }
  }

  /** Handles the token at i and returns the index of the last token it consumed. */
  private int visit(int i) {
    SqlToken token = tokens.get(i);
    if (expectTable) {
      expectTable = false;
      if (token.isSymbol('(') && isIdentifier(i + 1)) {
        Frame group = new Frame(Scope.TABLE_GROUP);
        group.tableList = true;
        frames.push(group);
        expectTable = true;
        return i;
      }
      if (isIdentifier(i)) {
        return readTableName(i);
      }
    }
    Frame frame = frames.peek();
    if (token.isSymbol('(')) {
      frames.push(new Frame(opensSubquery(i) ? Scope.QUERY : Scope.EXPRESSION));
    } else if (token.isSymbol(')')) {
      if (frames.size() > 1) {
        frames.pop();
      }
    } else if (token.isSymbol(',')) {
      expectTable = frame.tableList;
    } else if (token.kind() == Kind.WORD && frame.scope != Scope.EXPRESSION) {
      return keyword(i, token.upper(), frame);
    }
    return i;
  }

  private int keyword(int i, String word, Frame frame) {
    boolean leading = i == verbIndex;
    switch (word) {
      case "FROM" -> {
        frame.tableList = true;
        expectTable = true;
      }
      case "JOIN" -> expectTable = true;
      case "STRAIGHT_JOIN" -> expectTable = frame.tableList; // else a SELECT modifier
      case "INTO" -> {
        frame.tableList = false;
        expectTable = true;
        return skip(i, "TABLE"); // LOAD DATA ... INTO TABLE t
      }
      case "UPDATE" -> {
        if (leading) {
          frame.tableList = true;
          expectTable = true;
          return skip(skip(i, "LOW_PRIORITY"), "IGNORE");
        }
      }
      case "INSERT", "REPLACE" -> {
        if (leading) {
          int last = i;
          while (last + 1 < tokens.size()
              && (tokens.get(last + 1).isWord("LOW_PRIORITY")
                  || tokens.get(last + 1).isWord("DELAYED")
                  || tokens.get(last + 1).isWord("HIGH_PRIORITY")
                  || tokens.get(last + 1).isWord("IGNORE"))) {
            last++;
          }
          // INTO is optional; when it is there the INTO rule names the table.
          expectTable = !(last + 1 < tokens.size() && tokens.get(last + 1).isWord("INTO"));
          return last;
        }
      }
      case "TRUNCATE" -> {
        if (leading) {
          expectTable = true;
          return skip(i, "TABLE");
        }
      }
      case "TABLE" -> {
        if (leading) {
          expectTable = true; // MySQL 8's "TABLE t"
        } else if (DDL_VERBS.contains(verb) && !ddlTableSeen && frame.scope == Scope.QUERY) {
          ddlTableSeen = true;
          // DROP, RENAME and OPTIMIZE take a list of tables; ALTER's commas separate changes.
          frame.tableList = !verb.equals("ALTER") && !verb.equals("CREATE");
          expectTable = true;
          return skipIfExists(i);
        }
      }
      case "TO" -> expectTable = verb.equals("RENAME") && frame.scope == Scope.QUERY;
      case "INDEX" -> indexSeen = true;
      case "ON" -> {
        if ((verb.equals("CREATE") || verb.equals("DROP")) && indexSeen && !ddlTableSeen) {
          ddlTableSeen = true;
          expectTable = true; // CREATE INDEX i ON t, DROP INDEX i ON t
        }
      }
      case "USING" -> {
        if (verb.equals("DELETE") && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('('))) {
          frame.tableList = true;
          expectTable = true;
        }
      }
      default -> {
        if (END_OF_TABLE_LIST.contains(word)) {
          frame.tableList = false;
        }
      }
    }
    return i;
  }

  private int readTableName(int i) {
    String name = identifier(tokens.get(i));
    int last = i;
    if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && isIdentifier(i + 2)) {
      name = name + "." + identifier(tokens.get(i + 2));
      last = i + 2;
    }
    tables.add(name.toLowerCase(Locale.ROOT));
    return last;
  }

  private boolean isIdentifier(int i) {
    if (i >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(i);
    return token.kind() == Kind.QUOTED_IDENTIFIER
        || (token.kind() == Kind.WORD && !NOT_A_TABLE.contains(token.upper()));
  }

  private static String identifier(SqlToken token) {
    return token.text();
  }

  private boolean opensSubquery(int i) {
    return i + 1 < tokens.size()
        && (tokens.get(i + 1).isWord("SELECT")
            || tokens.get(i + 1).isWord("WITH")
            || tokens.get(i + 1).isWord("VALUES")
            || tokens.get(i + 1).isWord("TABLE"));
  }

  private int skip(int i, String word) {
    return i + 1 < tokens.size() && tokens.get(i + 1).isWord(word) ? i + 1 : i;
  }

  private int skipIfExists(int i) {
    int j = skip(i, "IF");
    if (j == i) {
      return i;
    }
    return skip(skip(j, "NOT"), "EXISTS");
  }

  /** Names defined by WITH clauses; a reference to one is not a table. */
  private static Set<String> cteNames(List<SqlToken> tokens) {
    Set<String> names = new HashSet<>();
    for (int w = 0; w < tokens.size(); w++) {
      if (!tokens.get(w).isWord("WITH")) {
        continue;
      }
      int i = w + 1;
      if (i < tokens.size() && tokens.get(i).isWord("RECURSIVE")) {
        i++;
      }
      while (i < tokens.size()
          && (tokens.get(i).kind() == Kind.WORD
              || tokens.get(i).kind() == Kind.QUOTED_IDENTIFIER)) {
        names.add(tokens.get(i).text().toLowerCase(Locale.ROOT));
        i++;
        if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
          i = afterParentheses(tokens, i); // column list
        }
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
          i++;
        }
        if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
          i = afterParentheses(tokens, i); // the CTE's query
        }
        if (i < tokens.size() && tokens.get(i).isSymbol(',')) {
          i++;
        } else {
          break;
        }
      }
    }
    return names;
  }

  private static int afterParentheses(List<SqlToken> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol('(')) {
        depth++;
      } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
        return i + 1;
      }
    }
    return tokens.size();
  }
}
