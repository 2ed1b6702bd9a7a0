package io.precursor.ingest.slowlog;

import io.precursor.ingest.slowlog.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a MySQL statement into tokens, dropping comments, so that commas inside strings, keywords
 * inside comments and parentheses inside quotes cannot mislead the statement's anatomy.
 */
final class SqlLexer {

  private static final Pattern NUMBER =
      Pattern.compile("\\d+(?:\\.\\d*)?(?:[eE]\\d+)?|0[xX][0-9a-fA-F]+|0[bB][01]+");

  private SqlLexer() {}

  static List<SqlToken> tokens(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '#' || isDashDashComment(sql, i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '\'' || c == '"') {
        int end = endOfQuoted(sql, i, c);
        tokens.add(new SqlToken(Kind.STRING, sql.substring(i, end)));
        i = end;
      } else if (c == '`') {
        int end = endOfQuoted(sql, i, '`');
        boolean closed = end - 1 > i && sql.charAt(end - 1) == '`';
        String inner = sql.substring(i + 1, closed ? end - 1 : end).replace("``", "`");
        tokens.add(new SqlToken(Kind.QUOTED_IDENTIFIER, inner));
        i = end;
      } else if (isWordChar(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int end = i + 1;
        while (end < n
            && (isWordChar(sql.charAt(end))
                || (sql.charAt(end) == '.'
                    && Character.isDigit(c)
                    && end + 1 < n
                    && Character.isDigit(sql.charAt(end + 1))))) {
          end++;
        }
        String word = sql.substring(i, end);
        tokens.add(new SqlToken(NUMBER.matcher(word).matches() ? Kind.NUMBER : Kind.WORD, word));
        i = end;
      } else {
        tokens.add(new SqlToken(Kind.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }

  // MySQL needs whitespace (or the end) after "--" for a comment; "a--b" is arithmetic.
  private static boolean isDashDashComment(String sql, int i) {
    return sql.startsWith("--", i)
        && (i + 2 == sql.length() || Character.isWhitespace(sql.charAt(i + 2)));
  }

  // Index after the closing quote; a backslash escapes (except in identifiers) and doubling does.
  private static int endOfQuoted(String sql, int start, char quote) {
    int j = start + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (c == '\\' && quote != '`') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
