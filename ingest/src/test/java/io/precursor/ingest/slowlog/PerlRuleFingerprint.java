package io.precursor.ingest.slowlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference for {@link QueryFingerprint}: pt-query-digest 3.2.1's {@code
 * QueryRewriter::fingerprint} ported regex for regex (the Perl text quoted in each pattern), as
 * QueryFingerprint was before its rules became hand-written scans for speed. Tests compare the two
 * on generated statements; this class is never used outside tests.
 */
final class PerlRuleFingerprint {

  private PerlRuleFingerprint() {}

  // Perl matches byte strings, so its \b only knows ASCII word characters; Java 17's \b would
  // also treat Unicode letters as word characters, hence this explicit ASCII boundary.
  private static final String WORD = "[A-Za-z0-9_]";
  private static final String B =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";

  // UNIX_LINES makes '.', \Z and $ treat only \n as a line end, as Perl does.
  private static final int PERL = Pattern.UNIX_LINES;
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final int DOTALL = Pattern.DOTALL;

  private static final Pattern MYSQLDUMP =
      Pattern.compile("\\ASELECT /\\*!40001 SQL_NO_CACHE \\*/ \\* FROM `", PERL);
  private static final Pattern PERCONA_TOOLKIT =
      Pattern.compile("/\\*\\w+\\.\\w+:[0-9]/[0-9]\\*/", PERL);
  private static final Pattern CALL = Pattern.compile("\\A\\s*(call\\s+\\S+)\\(", PERL | CI);
  private static final Pattern MULTI_ROW_INSERT =
      Pattern.compile(
          "\\A((?:INSERT|REPLACE)(?: IGNORE)?\\s+INTO.+?VALUES\\s*\\(.*?\\))\\s*,\\s*\\(",
          PERL | CI | DOTALL);
  private static final Pattern MULTI_LINE_COMMENT =
      Pattern.compile("/\\*[^!].*?\\*/", PERL | DOTALL);
  private static final Pattern ONE_LINE_COMMENT =
      Pattern.compile("(?:--|#)[^'\"\\r\\n]*(?=[\\r\\n]|\\Z)", PERL);
  private static final Pattern USE_DATABASE = Pattern.compile("\\Ause \\S+\\Z", PERL | CI);
  private static final Pattern ESCAPED_QUOTE = Pattern.compile("\\\\[\"']", PERL);
  private static final Pattern DOUBLE_QUOTED = Pattern.compile("\".*?\"", PERL | DOTALL);
  private static final Pattern SINGLE_QUOTED = Pattern.compile("'.*?'", PERL | DOTALL);
  private static final Pattern BOOLEAN =
      Pattern.compile(B + "false" + B + "|" + B + "true" + B, PERL | CI | DOTALL);
  private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9+-][0-9a-f.xb+-]*", PERL);
  private static final Pattern NUMBER_LEFTOVER = Pattern.compile("[xb.+-]\\?", PERL);
  private static final Pattern LEADING_SPACE = Pattern.compile("\\A\\s+", PERL);
  private static final Pattern NULL = Pattern.compile(B + "null" + B, PERL);
  private static final Pattern LIMIT =
      Pattern.compile(B + "limit \\?(?:, ?\\?| offset \\?)?", PERL);
  private static final Pattern ORDER_BY = Pattern.compile(B + "ORDER BY ", PERL | CI);
  private static final Pattern ASC = Pattern.compile("(.+?)\\s+ASC", PERL | CI);

  static String fingerprint(String statement) {
    String query = statement;
    // Special cases pt returns early, before any normalisation.
    if (MYSQLDUMP.matcher(query).lookingAt()) {
      return "mysqldump";
    }
    if (PERCONA_TOOLKIT.matcher(query).find()) {
      return "percona-toolkit";
    }
    if (query.startsWith("administrator command: ")) {
      return query;
    }
    Matcher call = CALL.matcher(query);
    if (call.lookingAt()) {
      return asciiLowerCase(call.group(1));
    }
    Matcher multiRow = MULTI_ROW_INSERT.matcher(query);
    if (multiRow.lookingAt()) {
      query = multiRow.group(1);
    }

    query = MULTI_LINE_COMMENT.matcher(query).replaceAll("");
    query = ONE_LINE_COMMENT.matcher(query).replaceAll("");
    Matcher use = USE_DATABASE.matcher(query);
    if (use.find()) {
      return use.replaceFirst("use ?");
    }

    // Quoted strings as pt 3.2.1 sees them: an escaped quote is dropped, then each pair of quotes
    // goes, so 'it''s' becomes ?? and '\\' (one backslash) leaves a stray quote, as in pt.
    query = ESCAPED_QUOTE.matcher(query).replaceAll("");
    query = DOUBLE_QUOTED.matcher(query).replaceAll("?");
    query = SINGLE_QUOTED.matcher(query).replaceAll("?");
    query = BOOLEAN.matcher(query).replaceAll("?");
    query = NUMBER_LIKE.matcher(query).replaceAll("?");
    query = NUMBER_LEFTOVER.matcher(query).replaceAll("?");
    query = LEADING_SPACE.matcher(query).replaceFirst("");
    query = chomp(query);
    query = squeezeWhitespace(query);
    query = asciiLowerCase(query);
    query = NULL.matcher(query).replaceAll("?");
    query = collapseInAndValuesLists(query);
    query = collapseRepeatedUnions(query);
    query = LIMIT.matcher(query).replaceFirst("limit ?");
    return removeAscAfterOrderBy(query);
  }

  // Perl's chomp: one trailing newline.
  private static String chomp(String query) {
    return query.endsWith("\n") ? query.substring(0, query.length() - 1) : query;
  }

  // tr[ \n\t\r\f][ ]s: every run of these five characters becomes one space.
  private static String squeezeWhitespace(String query) {
    StringBuilder out = new StringBuilder(query.length());
    boolean inRun = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (!space) {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = space;
    }
    return out.toString();
  }

  // Perl's lc on a byte string folds ASCII only.
  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * {@code s/\b(in|values?)(?:[\s,]*\([\s?,]*\))+/$1(?+)/g}, written as a scan: each repetition is
   * deterministic, and java.util.regex recurses once per repetition, which a 10,000-row {@code
   * VALUES} list without {@code INTO} would turn into a stack overflow.
   */
  private static String collapseInAndValuesLists(String query) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < query.length()) {
      String keyword = listKeywordAt(query, i);
      int end = keyword == null ? -1 : endOfParenthesisedLists(query, i + keyword.length());
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(query.length());
      }
      out.append(query, copied, i).append(keyword).append("(?+)");
      copied = end;
      i = end;
    }
    return out == null ? query : out.append(query, copied, query.length()).toString();
  }

  private static String listKeywordAt(String query, int i) {
    if (i > 0 && isWordChar(query.charAt(i - 1))) {
      return null;
    }
    if (query.startsWith("values", i)) {
      return "values";
    }
    if (query.startsWith("value", i)) {
      return "value";
    }
    return query.startsWith("in", i) ? "in" : null;
  }

  // End of the last complete "[\s,]*\([\s?,]*\)" repetition from start, or -1 when there is none.
  private static int endOfParenthesisedLists(String query, int start) {
    int matchedEnd = -1;
    int p = start;
    while (true) {
      int q = p;
      while (q < query.length() && (isSpace(query.charAt(q)) || query.charAt(q) == ',')) {
        q++;
      }
      if (q >= query.length() || query.charAt(q) != '(') {
        return matchedEnd;
      }
      q++;
      while (q < query.length()
          && (isSpace(query.charAt(q)) || query.charAt(q) == '?' || query.charAt(q) == ',')) {
        q++;
      }
      if (q >= query.length() || query.charAt(q) != ')') {
        return matchedEnd;
      }
      p = q + 1;
      matchedEnd = p;
    }
  }

  /**
   * {@code s/\b(select\s.*?)(?:(\sunion(?:\sall)?)\s\1)+/$1 /*repeat$2*&#47;/g}, written as a scan
   * for the same reason as the IN lists: one recursion per UNION overflows the stack. For each
   * "select" the shortest head that is repeated at least once after " union [all] " wins.
   */
  private static String collapseRepeatedUnions(String query) {
    if (!query.contains("union")) {
      return query;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < query.length()) {
      RepeatedUnion union = repeatedUnionAt(query, i);
      if (union == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(query.length());
      }
      out.append(query, copied, i)
          .append(query, i, union.headEnd())
          .append(" /*repeat")
          .append(union.lastUnion())
          .append("*/");
      copied = union.end();
      i = union.end();
    }
    return out == null ? query : out.append(query, copied, query.length()).toString();
  }

  private record RepeatedUnion(int headEnd, String lastUnion, int end) {}

  private static RepeatedUnion repeatedUnionAt(String query, int start) {
    int n = query.length();
    if ((start > 0 && isWordChar(query.charAt(start - 1)))
        || !query.startsWith("select", start)
        || start + 6 >= n
        || !isSpace(query.charAt(start + 6))) {
      return null;
    }
    for (int headEnd = start + 7; headEnd <= n; headEnd++) {
      if (headEnd > start + 7 && query.charAt(headEnd - 1) == '\n') {
        return null; // '.' does not cross a newline
      }
      int headLength = headEnd - start;
      int p = headEnd;
      String lastUnion = null;
      while (true) {
        int unionEnd = unionKeywordEnd(query, p);
        if (unionEnd < 0
            || unionEnd >= n
            || !isSpace(query.charAt(unionEnd))
            || !query.regionMatches(unionEnd + 1, query, start, headLength)) {
          break;
        }
        lastUnion = query.substring(p, unionEnd);
        p = unionEnd + 1 + headLength;
      }
      if (lastUnion != null) {
        return new RepeatedUnion(headEnd, lastUnion, p);
      }
    }
    return null;
  }

  // End of "\sunion(?:\sall)?" at p, preferring the longer form as the greedy '?' does.
  private static int unionKeywordEnd(String query, int p) {
    if (p >= query.length() || !isSpace(query.charAt(p)) || !query.startsWith("union", p + 1)) {
      return -1;
    }
    int afterUnion = p + 6;
    boolean all =
        afterUnion + 4 <= query.length()
            && isSpace(query.charAt(afterUnion))
            && query.startsWith("all", afterUnion + 1);
    return all ? afterUnion + 4 : afterUnion;
  }

  /**
   * {@code if (m/\bORDER BY /gi) { 1 while s/\G(.+?)\s+ASC/$1/gi && pos }}: from the first ORDER BY
   * on, strip each contiguous {@code (.+?)\s+asc}. The substitution resets pos, so pt's loop body
   * runs once; like pt, this also eats "asc" at the start of a word such as "ascending".
   */
  private static String removeAscAfterOrderBy(String query) {
    Matcher orderBy = ORDER_BY.matcher(query);
    if (!orderBy.find()) {
      return query;
    }
    int p = orderBy.end();
    StringBuilder out = new StringBuilder(query.length()).append(query, 0, p);
    Matcher asc = ASC.matcher(query);
    asc.region(p, query.length());
    while (p < query.length() && asc.lookingAt()) {
      out.append(asc.group(1));
      p = asc.end();
      asc.region(p, query.length());
    }
    return out.append(query, p, query.length()).toString();
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  // Perl's and Java's \s: space, \t, \n, \x0B, \f, \r.
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
