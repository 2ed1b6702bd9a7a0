package io.precursor.alerting.slack;

import java.util.List;

/**
 * Turns dynamic text (names, SQL, log lines) into Slack mrkdwn that can neither mention, link nor
 * break the layout, and keeps it within Slack's size limits.
 */
public final class SlackText {

  /** Longest {@code text} of a section block. */
  public static final int SECTION_TEXT_MAX = 3000;

  /** Longest text of one section field. */
  public static final int FIELD_TEXT_MAX = 2000;

  /** Longest {@code plain_text} of a header block. */
  public static final int HEADER_TEXT_MAX = 150;

  /** Longest text of one context element. */
  public static final int CONTEXT_TEXT_MAX = 3000;

  /** Most blocks in one message. */
  public static final int MAX_BLOCKS = 50;

  /** Longest top-level {@code text}, the notification fallback. */
  public static final int FALLBACK_TEXT_MAX = 40_000;

  /** Marks text that was cut. */
  public static final String ELLIPSIS = "…";

  // Looks like a backtick but cannot open or close a code span.
  private static final char NEUTRAL_BACKTICK = 'ˋ';
  private static final String FENCE = "```";

  private SlackText() {}

  /**
   * Escapes Slack's three control characters, {@code &} first so the entities it writes are not
   * escaped again; every {@code <!channel>}, {@code <@U…>} or {@code <url|label>} becomes inert.
   */
  public static String escape(String raw) {
    if (raw == null) {
      return "";
    }
    return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Escapes text that must stay on one line: line breaks and other control characters become
   * spaces.
   */
  public static String escapeLine(String raw) {
    return escape(oneLine(raw));
  }

  /**
   * An inline code span: escaped, on one line, backticks neutralised so the span cannot close
   * early.
   */
  public static String code(String raw) {
    String inner = escapeLine(raw).replace('`', NEUTRAL_BACKTICK);
    return inner.isEmpty() ? "" : "`" + inner + "`";
  }

  /**
   * A fenced code block of at most {@code maxChars}, fences included; the content is escaped, its
   * backticks neutralised, and it is cut (with an ellipsis) inside the fences so they always close.
   */
  public static String codeBlock(String raw, int maxChars) {
    int room = maxChars - 2 * FENCE.length() - 2;
    if (room < ELLIPSIS.length()) {
      throw new IllegalArgumentException("no room for a code block in " + maxChars + " chars");
    }
    String inner = escape(raw).replace('`', NEUTRAL_BACKTICK);
    return FENCE + "\n" + truncate(inner, room) + "\n" + FENCE;
  }

  /**
   * A fenced code block of whole lines (a table, say) within {@code maxChars}: lines that do not
   * fit are left out and counted on a last "…and N more" line, so no row is cut in half.
   */
  public static String codeBlock(List<String> rawLines, int maxChars) {
    int room = maxChars - 2 * FENCE.length() - 2;
    if (rawLines.isEmpty() || room < ELLIPSIS.length()) {
      throw new IllegalArgumentException("no lines, or no room for a code block");
    }
    List<String> escaped =
        rawLines.stream().map(l -> escape(l).replace('`', NEUTRAL_BACKTICK)).toList();
    String body = lines(escaped.get(0), escaped.subList(1, escaped.size()), room);
    return FENCE + "\n" + body + "\n" + FENCE;
  }

  /**
   * Cuts already-escaped text to at most {@code maxChars}, ending with an ellipsis; never splits an
   * entity such as {@code &amp;} or a surrogate pair.
   */
  public static String truncate(String escaped, int maxChars) {
    if (maxChars < ELLIPSIS.length()) {
      throw new IllegalArgumentException("cannot truncate to fewer than " + ELLIPSIS.length());
    }
    if (escaped.length() <= maxChars) {
      return escaped;
    }
    int cut = maxChars - ELLIPSIS.length();
    cut = outsideEntity(escaped, cut);
    if (cut > 0 && Character.isHighSurrogate(escaped.charAt(cut - 1))) {
      cut--;
    }
    return escaped.substring(0, cut) + ELLIPSIS;
  }

  /** Cuts plain (unescaped, {@code plain_text}) text to at most {@code maxChars}. */
  public static String truncatePlain(String plain, int maxChars) {
    if (plain.length() <= maxChars) {
      return plain;
    }
    int cut = maxChars - ELLIPSIS.length();
    if (cut > 0 && Character.isHighSurrogate(plain.charAt(cut - 1))) {
      cut--;
    }
    return plain.substring(0, cut) + ELLIPSIS;
  }

  /**
   * Joins escaped lines under an escaped title, whole lines only, so a cut never leaves a code span
   * or entity open; lines that do not fit are counted in a last "…and N more" line.
   */
  public static String lines(String title, List<String> escapedLines, int maxChars) {
    StringBuilder out = new StringBuilder(title);
    for (int i = 0; i < escapedLines.size(); i++) {
      String line = "\n" + escapedLines.get(i);
      int left = escapedLines.size() - i - 1;
      String more = left == 0 ? "" : moreLine(left);
      if (out.length() + line.length() + more.length() > maxChars) {
        return truncate(out + moreLine(escapedLines.size() - i), maxChars);
      }
      out.append(line);
    }
    return truncate(out.toString(), maxChars);
  }

  private static String moreLine(int count) {
    return "\n" + ELLIPSIS + "and " + count + " more";
  }

  /** Replaces line breaks, tabs and other control characters by single spaces. */
  static String oneLine(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length());
    boolean lastWasSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean space = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (space) {
        if (!lastWasSpace) {
          out.append(' ');
        }
        lastWasSpace = true;
      } else {
        out.append(c);
        lastWasSpace = c == ' ';
      }
    }
    return out.toString().strip();
  }

  // Moves a cut that falls inside "&amp;", "&lt;" or "&gt;" back to the entity's '&'.
  private static int outsideEntity(String escaped, int cut) {
    int from = Math.max(0, cut - 4);
    for (int i = cut - 1; i >= from; i--) {
      char c = escaped.charAt(i);
      if (c == ';') {
        return cut;
      }
      if (c == '&') {
        int end = escaped.indexOf(';', i);
        return end >= cut ? i : cut;
      }
    }
    return cut;
  }
}
