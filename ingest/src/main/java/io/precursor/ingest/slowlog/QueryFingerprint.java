package io.precursor.ingest.slowlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement normalised exactly as pt-query-digest groups queries, with pt-query-digest's 64-bit
 * query id, so Precursor's evidence can be matched against a pt-query-digest report.
 *
 * <p>Ported rule by rule, in pt's order, from {@code sub fingerprint} of {@code QueryRewriter} as
 * bundled in pt-query-digest 3.2.1 (Debian's percona-toolkit 3.2.1), with its default options.
 * pt-fingerprint 3.2.1 bundles an older copy without the rule for boolean literals; Precursor
 * follows pt-query-digest, whose Query IDs DBAs compare. The hash is the low 64 bits of the MD5 of
 * the fingerprint, which pt-query-digest 3 prints whole as its Query ID.
 *
 * <p>Each rule's Perl substitution is quoted above the code that does it. The frequent rules are
 * hand-written scans rather than regexes, because a digest fingerprints every entry of a slow log;
 * tests hold them to the regex-for-regex port (PerlRuleFingerprint) and to the real tools
 * (PtFingerprintParityTest).
 */
public record QueryFingerprint(String text, long hash) {

  // UNIX_LINES makes '.', \Z and $ treat only \n as a line end, as Perl does.
  private static final int PERL = Pattern.UNIX_LINES;
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final int DOTALL = Pattern.DOTALL;

  private static final String MYSQLDUMP = "SELECT /*!40001 SQL_NO_CACHE */ * FROM `";
  private static final Pattern PERCONA_TOOLKIT =
      Pattern.compile("/\\*\\w+\\.\\w+:[0-9]/[0-9]\\*/", PERL);
  private static final Pattern CALL = Pattern.compile("\\A\\s*(call\\s+\\S+)\\(", PERL | CI);
  // Perl's \b there is ASCII only (byte strings); Java's \b would also know Unicode letters.
  private static final Pattern LIMIT =
      Pattern.compile("(?<![A-Za-z0-9_])limit \\?(?:, ?\\?| offset \\?)?", PERL);
  private static final Pattern ASC = Pattern.compile("(.+?)\\s+ASC", PERL | CI);

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(QueryFingerprint::md5);

  /** Fingerprints a statement (without its trailing {@code ;}, as pt-query-digest sees it). */
  public static QueryFingerprint of(String statement) {
    String text = fingerprint(statement);
    return new QueryFingerprint(text, hashOf(text));
  }

  /**
   * The fingerprint's text alone, for callers that hash each distinct text once (a digest of
   * millions of entries with a few hundred fingerprints).
   */
  public static String textOf(String statement) {
    return fingerprint(statement);
  }

  /**
   * The 64-bit query id of this fingerprint, e.g. {@code 0x93CB22BB8F5ACDC3}: pt-query-digest 2's
   * Query ID, and the last 16 hex digits of pt-query-digest 3's, which is the whole MD5.
   */
  public String queryId() {
    return String.format("0x%016X", hash);
  }

  /**
   * The rightmost 64 bits of the MD5 of the fingerprint: pt 2's {@code make_checksum}, the low half
   * of pt 3's.
   */
  public static long hashOf(String fingerprint) {
    byte[] digest = MD5.get().digest(fingerprint.getBytes(UTF_8));
    return ByteBuffer.wrap(digest, 8, 8).getLong();
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
  }

  static String fingerprint(String statement) {
    String query = statement;
    // m#\ASELECT /\*!40001 SQL_NO_CACHE \*/ \* FROM `# && return 'mysqldump'
    if (query.startsWith(MYSQLDUMP)) {
      return "mysqldump";
    }
    // m#/\*\w+\.\w+:[0-9]/[0-9]\*/# && return 'percona-toolkit'
    if (query.contains("/*") && PERCONA_TOOLKIT.matcher(query).find()) {
      return "percona-toolkit";
    }
    // m/\Aadministrator command: / && return $query
    if (query.startsWith("administrator command: ")) {
      return query;
    }
    // m/\A\s*(call\s+\S+)\(/i && return lc($1)
    if (startsWithIgnoringCase(query, skipSpaces(query, 0), "call")) {
      Matcher call = CALL.matcher(query);
      if (call.lookingAt()) {
        return asciiLowerCase(call.group(1));
      }
    }
    // m/\A((?:INSERT|REPLACE)(?: IGNORE)?\s+INTO.+?VALUES\s*\(.*?\))\s*,\s*\(/is: first row only
    int firstRowEnd = firstRowEnd(query);
    if (firstRowEnd > 0) {
      query = query.substring(0, firstRowEnd);
    }
    query = removeMultiLineComments(query);
    query = removeOneLineComments(query);
    // s/\Ause \S+\Z/use ?/i && return $query
    String use = abstractedUse(query);
    if (use != null) {
      return use;
    }
    query = removeEscapedQuotes(query);
    query = replaceQuoted(query, '"');
    query = replaceQuoted(query, '\'');
    query = replaceWord(query, "false", "true", true);
    query = replaceNumbers(query);
    query = squeezed(query);
    if (query.contains("null")) {
      query = replaceWord(query, "null", null, false);
    }
    query = collapseInAndValuesLists(query);
    query = collapseRepeatedUnions(query);
    // s/\blimit \?(?:, ?\?| offset \?)?/limit ?/
    if (query.contains("limit ?")) {
      query = LIMIT.matcher(query).replaceFirst("limit ?");
    }
    return removeAscAfterOrderBy(query);
  }

  /** {@code s#/\*[^!].*?\*}{@code /##sg}: comments, but not {@code /*!version ... *}{@code /}. */
  static String removeMultiLineComments(String query) {
    int open = query.indexOf("/*");
    if (open < 0) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int copied = 0;
    while (open >= 0) {
      // [^!] takes one character, so the closing "*/" is searched for after it.
      if (open + 2 < query.length() && query.charAt(open + 2) != '!') {
        int close = query.indexOf("*/", open + 3);
        if (close < 0) {
          break; // no start after this one can close either
        }
        out.append(query, copied, open);
        copied = close + 2;
        open = query.indexOf("/*", copied);
      } else {
        open = query.indexOf("/*", open + 1);
      }
    }
    return copied == 0 ? query : out.append(query, copied, query.length()).toString();
  }

  /**
   * {@code s/(?:--|#)[^'"\r\n]*(?=[\r\n]|\Z)//g}: from {@code --} or {@code #} to the end of the
   * line, unless a quote comes first (then it is left alone).
   */
  static String removeOneLineComments(String query) {
    int n = query.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      char c = query.charAt(i);
      int bodyStart;
      if (c == '#') {
        bodyStart = i + 1;
      } else if (c == '-' && i + 1 < n && query.charAt(i + 1) == '-') {
        bodyStart = i + 2;
      } else {
        i++;
        continue;
      }
      int end = bodyStart;
      while (end < n && !isCommentStop(query.charAt(end))) {
        end++;
      }
      if (end < n && (query.charAt(end) == '\'' || query.charAt(end) == '"')) {
        i = end; // every start before the quote runs into it too
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(query, copied, i);
      copied = end;
      i = end;
    }
    return out == null ? query : out.append(query, copied, n).toString();
  }

  private static boolean isCommentStop(char c) {
    return c == '\'' || c == '"' || c == '\r' || c == '\n';
  }

  /** {@code s/\Ause \S+\Z/use ?/i}, or null when the statement is not a lone USE. */
  private static String abstractedUse(String query) {
    if (!startsWithIgnoringCase(query, 0, "use ")) {
      return null;
    }
    int end = query.length();
    if (end > 4 && query.charAt(end - 1) == '\n') {
      end--; // \Z also matches before a final newline, which stays
    }
    if (end == 4) {
      return null;
    }
    for (int i = 4; i < end; i++) {
      if (isSpace(query.charAt(i))) {
        return null;
      }
    }
    return "use ?" + query.substring(end);
  }

  /** {@code s/\\["']//g}: an escaped quote is dropped with its backslash. */
  static String removeEscapedQuotes(String query) {
    int i = query.indexOf('\\');
    if (i < 0) {
      return query;
    }
    int n = query.length();
    StringBuilder out = new StringBuilder(n);
    int copied = 0;
    while (i >= 0 && i + 1 < n) {
      char next = query.charAt(i + 1);
      if (next == '"' || next == '\'') {
        out.append(query, copied, i);
        copied = i + 2;
        i = query.indexOf('\\', i + 2);
      } else {
        i = query.indexOf('\\', i + 1);
      }
    }
    return copied == 0 ? query : out.append(query, copied, n).toString();
  }

  /** {@code s/".*?"/?/sg} or {@code s/'.*?'/?/sg}: each pair of quotes and what is between. */
  static String replaceQuoted(String query, char quote) {
    int open = query.indexOf(quote);
    if (open < 0) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int copied = 0;
    while (open >= 0) {
      int close = query.indexOf(quote, open + 1);
      if (close < 0) {
        break; // an unpaired quote stays, and so does the rest
      }
      out.append(query, copied, open).append('?');
      copied = close + 1;
      open = query.indexOf(quote, copied);
    }
    return copied == 0 ? query : out.append(query, copied, query.length()).toString();
  }

  /**
   * Where group 1 of {@code m/\A((?:INSERT|REPLACE)(?:
   * IGNORE)?\s+INTO.+?VALUES\s*\(.*?\))\s*,\s*\(/is} ends, or -1: the statement up to the end of
   * its first row when more rows follow. The regex backtracks over every {@code VALUES (} and every
   * {@code )} after it, quadratic in the statement (a 170 KB INSERT took 18 s); this scan is
   * linear. Only the first {@code VALUES (} counts: the closing parentheses a later one could try
   * are a subset of those the first tries.
   */
  static int firstRowEnd(String query) {
    int i;
    if (startsWithIgnoringCase(query, 0, "insert")) {
      i = "insert".length();
    } else if (startsWithIgnoringCase(query, 0, "replace")) {
      i = "replace".length();
    } else {
      return -1;
    }
    int into = intoEnd(query, i + " ignore".length());
    if (!startsWithIgnoringCase(query, i, " ignore") || into < 0) {
      into = intoEnd(query, i);
    }
    if (into < 0) {
      return -1;
    }
    int rowStart = -1;
    // .+? takes at least one character before VALUES.
    for (int p = into + 1; p < query.length() && rowStart < 0; p++) {
      if (startsWithIgnoringCase(query, p, "values")) {
        int paren = skipSpaces(query, p + "values".length());
        if (paren < query.length() && query.charAt(paren) == '(') {
          rowStart = paren + 1;
        }
      }
    }
    if (rowStart < 0) {
      return -1;
    }
    for (int close = query.indexOf(')', rowStart);
        close >= 0;
        close = query.indexOf(')', close + 1)) {
      int comma = skipSpaces(query, close + 1);
      if (comma < query.length() && query.charAt(comma) == ',') {
        int open = skipSpaces(query, comma + 1);
        if (open < query.length() && query.charAt(open) == '(') {
          return close + 1;
        }
      }
    }
    return -1;
  }

  // \s+INTO at offset: the index after INTO, or -1.
  private static int intoEnd(String query, int offset) {
    int into = skipSpaces(query, offset);
    return into > offset && startsWithIgnoringCase(query, into, "into")
        ? into + "into".length()
        : -1;
  }

  /**
   * {@code s/\bfalse\b|\btrue\b/?/isg} (both words, any case) or {@code s/\bnull\b/?/g} (one word,
   * exact case), with \b between ASCII word characters and anything else.
   */
  static String replaceWord(String query, String word, String otherWord, boolean ignoreCase) {
    StringBuilder out = null;
    int copied = 0;
    int n = query.length();
    int i = 0;
    while (i < n) {
      int length = 0;
      char c = query.charAt(i);
      // Cheap first-letter test before the region comparisons; the words start with a letter.
      boolean candidate =
          startsWord(c, word, ignoreCase)
              || (otherWord != null && startsWord(c, otherWord, ignoreCase));
      if (candidate && (i == 0 || !isWordChar(query.charAt(i - 1)))) {
        if (matchesAt(query, i, word, ignoreCase)) {
          length = word.length();
        } else if (otherWord != null && matchesAt(query, i, otherWord, ignoreCase)) {
          length = otherWord.length();
        }
      }
      if (length == 0 || (i + length < n && isWordChar(query.charAt(i + length)))) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(query, copied, i).append('?');
      copied = i + length;
      i = copied;
    }
    return out == null ? query : out.append(query, copied, n).toString();
  }

  private static boolean startsWord(char c, String word, boolean ignoreCase) {
    char first = word.charAt(0);
    return c == first || (ignoreCase && (c | 0x20) == first);
  }

  /**
   * {@code s/[0-9+-][0-9a-f.xb+-]*}{@code /?/g} then {@code s/[xb.+-]\?/?/g}: numbers, and signs,
   * dots, x and b left just before a {@code ?}, become {@code ?}. The second rule runs on the
   * first's output, once, left to right; a match cannot overlap the next (it ends with {@code ?}),
   * so it comes down to dropping such a character before every {@code ?}.
   */
  static String replaceNumbers(String query) {
    int n = query.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = query.charAt(i);
      if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
        i++;
        while (i < n && isNumberTail(query.charAt(i))) {
          i++;
        }
        c = '?';
      } else {
        i++;
      }
      if (c == '?') {
        int last = out.length() - 1;
        if (last >= 0 && isLeftover(out.charAt(last))) {
          out.setLength(last);
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isNumberTail(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || c == '.'
        || c == 'x'
        || c == '+'
        || c == '-';
  }

  private static boolean isLeftover(char c) {
    return c == 'x' || c == 'b' || c == '.' || c == '+' || c == '-';
  }

  /**
   * {@code s/\A\s+//; chomp; tr[ \n\t\r\f][ ]s; lc}: leading white space dropped, one trailing
   * newline dropped, runs of blanks made one space, ASCII letters in lower case (Perl's lc on a
   * byte string).
   */
  static String squeezed(String query) {
    int start = skipSpaces(query, 0);
    int end = query.length();
    if (end > start && query.charAt(end - 1) == '\n') {
      end--;
    }
    char[] out = new char[end - start];
    int length = 0;
    boolean inRun = false;
    for (int i = start; i < end; i++) {
      char c = query.charAt(i);
      boolean blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (!blank) {
        out[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      } else if (!inRun) {
        out[length++] = ' ';
      }
      inRun = blank;
    }
    return new String(out, 0, length);
  }

  private static int skipSpaces(String query, int from) {
    int i = from;
    while (i < query.length() && isSpace(query.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean startsWithIgnoringCase(String query, int offset, String prefix) {
    return matchesAt(query, offset, prefix, true);
  }

  /**
   * Whether {@code word} (lower case ASCII) is at {@code offset}, ignoring the case of ASCII
   * letters only, as Perl's /i on bytes and Java's CASE_INSENSITIVE do; String.regionMatches would
   * also take the long s or the dotless i for an s or an i.
   */
  private static boolean matchesAt(String query, int offset, String word, boolean ignoreCase) {
    if (offset + word.length() > query.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = query.charAt(offset + i);
      if (ignoreCase && c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
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
    char c = query.charAt(i);
    if ((c != 'v' && c != 'i') || (i > 0 && isWordChar(query.charAt(i - 1)))) {
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
    int orderBy = query.indexOf("order by "); // the query is in lower case by now
    while (orderBy > 0 && isWordChar(query.charAt(orderBy - 1))) {
      orderBy = query.indexOf("order by ", orderBy + 1);
    }
    if (orderBy < 0) {
      return query;
    }
    int p = orderBy + "order by ".length();
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
