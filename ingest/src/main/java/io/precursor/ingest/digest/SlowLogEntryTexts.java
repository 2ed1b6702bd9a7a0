package io.precursor.ingest.digest;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Cuts the text of a slow query log file into pieces of one entry each, reading it as a stream, so
 * that {@link io.precursor.ingest.slowlog.SlowQueryParser} can read a file of any size one entry at
 * a time.
 *
 * <p>A piece ends only where the parser would certainly start a new entry: before {@code # Time:},
 * and before {@code # User@Host:} or {@code # Query_time:} when the line before ends a statement
 * (it ends with {@code ;} and is neither a header, {@code use} nor {@code SET} line). Anywhere else
 * the lines stay together and the parser splits them itself, so reading piece by piece gives
 * exactly the entries of reading the whole file at once. Lines end at {@code \n}; a {@code \r}
 * before it is kept for the parser, which drops it, as it does for a CloudWatch event.
 */
public final class SlowLogEntryTexts {

  private static final int BUFFER_CHARS = 1 << 16;

  private final Reader reader;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;

  private final StringBuilder piece = new StringBuilder(4096);
  private boolean pieceHasText;
  private boolean lastLineEndsStatement;
  private boolean lastLineTerminated;

  private SlowLogEntryTexts(Reader reader) {
    this.reader = reader;
  }

  /** Hands {@code onEntry} the text of each entry in {@code reader}, in order, without newline. */
  public static void split(Reader reader, Consumer<String> onEntry) throws IOException {
    new SlowLogEntryTexts(reader).run(onEntry);
  }

  private void run(Consumer<String> onEntry) throws IOException {
    StringBuilder line = new StringBuilder(256);
    boolean any = false;
    while (readLine(line)) {
      any = true;
      add(line, onEntry);
    }
    if (any && lastLineTerminated) {
      // The parser splits a message on newlines, so text ending with one has an empty last line.
      line.setLength(0);
      add(line, onEntry);
    }
    if (pieceHasText) {
      emit(onEntry);
    }
  }

  private void add(CharSequence line, Consumer<String> onEntry) {
    if (startsEntry(line) && pieceHasText) {
      // The piece's last line ended with a newline, and the parser drops a \r before one.
      if (piece.charAt(piece.length() - 1) == '\r') {
        piece.setLength(piece.length() - 1);
      }
      emit(onEntry);
    }
    if (piece.length() > 0) {
      piece.append('\n');
    }
    piece.append(line);
    if (!isBlank(line)) {
      pieceHasText = true;
      lastLineEndsStatement = endsStatement(line);
    }
  }

  private void emit(Consumer<String> onEntry) {
    onEntry.accept(piece.toString());
    piece.setLength(0);
    pieceHasText = false;
    lastLineEndsStatement = false;
  }

  private boolean startsEntry(CharSequence line) {
    if (startsWith(line, "# Time:")) {
      return true;
    }
    return lastLineEndsStatement
        && (startsWith(line, "# User@Host:") || startsWith(line, "# Query_time:"));
  }

  // A line the parser can only have read as (the end of) a statement.
  private static boolean endsStatement(CharSequence line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return end > 0
        && line.charAt(end - 1) == ';'
        && line.charAt(0) != '#'
        && !startsWith(line, "use ")
        && !startsWith(line, "SET ");
  }

  /** Reads the next line into {@code line}, without its {@code \n}; false at the end. */
  private boolean readLine(StringBuilder line) throws IOException {
    line.setLength(0);
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++; // the newline
        lastLineTerminated = true;
        return true;
      }
      lastLineTerminated = false;
    }
  }

  private static boolean startsWith(CharSequence line, String prefix) {
    if (line.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      if (!Character.isWhitespace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
