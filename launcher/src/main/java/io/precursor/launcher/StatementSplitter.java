package io.precursor.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Cuts the input of {@code precursor fingerprint} into statements: one per line, or, with a
 * separator, statements that end where the separator ends a line, as pt-fingerprint reads files.
 */
final class StatementSplitter {

  // pt-fingerprint's clean-up of each record: s/^#.+$//mg; s/^\s+//; next unless m/^\w/
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^#.+$");
  private static final Pattern LEADING_SPACE = Pattern.compile("\\A\\s+");
  private static final Pattern WORD_START = Pattern.compile("\\A[A-Za-z0-9_]");

  private StatementSplitter() {}

  /**
   * One statement per non-blank line; a {@code ;} ending the line is not part of it, since MySQL
   * logs statements with one and pt-query-digest fingerprints them without.
   */
  static void lines(Reader in, Consumer<String> onStatement) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    String line;
    while ((line = reader.readLine()) != null) {
      String statement = line.stripTrailing();
      if (statement.endsWith(";")) {
        statement = statement.substring(0, statement.length() - 1);
      }
      if (!statement.isBlank()) {
        onStatement.accept(statement);
      }
    }
  }

  /**
   * Statements ending with {@code separator} followed by a newline (or the end of the input), then
   * cleaned as pt-fingerprint does: lines starting with {@code #} blanked, leading white space
   * dropped, and records that then do not start with a word character skipped.
   */
  static void separated(Reader in, String separator, Consumer<String> onStatement)
      throws IOException {
    String terminator = separator + "\n";
    StringBuilder record = new StringBuilder();
    char[] buffer = new char[1 << 16];
    int read;
    while ((read = in.read(buffer)) > 0) {
      record.append(buffer, 0, read);
      int end;
      while ((end = record.indexOf(terminator)) >= 0) {
        emit(record.substring(0, end), onStatement);
        record.delete(0, end + terminator.length());
      }
    }
    String last = record.toString();
    if (last.endsWith(separator)) {
      last = last.substring(0, last.length() - separator.length());
    }
    emit(last, onStatement);
  }

  private static void emit(String record, Consumer<String> onStatement) {
    String statement = COMMENT_LINE.matcher(record).replaceAll("");
    statement = LEADING_SPACE.matcher(statement).replaceFirst("");
    if (WORD_START.matcher(statement).lookingAt()) {
      onStatement.accept(statement);
    }
  }
}
