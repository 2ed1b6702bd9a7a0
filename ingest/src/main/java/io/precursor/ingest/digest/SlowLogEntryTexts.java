package io.precursor.ingest.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
 *
 * <p>The file is cut as UTF-8 bytes and each piece decoded once: a {@code \n} byte is never part of
 * a longer UTF-8 sequence, and decoding the whole file first, then copying its lines, took half of
 * the reading thread's time.
 */
public final class SlowLogEntryTexts {

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;

  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] piece = new byte[4096];
  private int pieceLength;
  private boolean pieceHasText;
  private boolean lastLineEndsStatement;
  private boolean lastLineTerminated;
  private final CharSequence asciiLine = new AsciiLine();

  private SlowLogEntryTexts(InputStream in) {
    this.in = in;
  }

  /**
   * Hands {@code onEntry} the text of each entry in {@code in}, UTF-8, in order, without newline;
   * malformed bytes become U+FFFD, as decoding the whole stream would make them.
   */
  public static void split(InputStream in, Consumer<String> onEntry) throws IOException {
    new SlowLogEntryTexts(in).run(onEntry);
  }

  private void run(Consumer<String> onEntry) throws IOException {
    boolean any = false;
    while (readLine()) {
      any = true;
      add(onEntry);
    }
    if (any && lastLineTerminated) {
      // The parser splits a message on newlines, so text ending with one has an empty last line.
      lineLength = 0;
      add(onEntry);
    }
    if (pieceHasText) {
      emit(onEntry);
    }
  }

  private void add(Consumer<String> onEntry) {
    if (startsEntry() && pieceHasText) {
      // The piece's last line ended with a newline, and the parser drops a \r before one.
      if (piece[pieceLength - 1] == '\r') {
        pieceLength--;
      }
      emit(onEntry);
    }
    int separator = pieceLength > 0 ? 1 : 0;
    if (pieceLength + separator + lineLength > piece.length) {
      piece =
          Arrays.copyOf(piece, Math.max(piece.length * 2, pieceLength + separator + lineLength));
    }
    if (separator > 0) {
      piece[pieceLength++] = '\n';
    }
    System.arraycopy(line, 0, piece, pieceLength, lineLength);
    pieceLength += lineLength;
    // Whitespace beyond ASCII counts too, so a line with other bytes is decoded to be judged.
    CharSequence text = isAscii() ? asciiLine : new String(line, 0, lineLength, UTF_8);
    if (!isBlank(text)) {
      pieceHasText = true;
      lastLineEndsStatement = endsStatement(text);
    }
  }

  private void emit(Consumer<String> onEntry) {
    onEntry.accept(new String(piece, 0, pieceLength, UTF_8));
    pieceLength = 0;
    pieceHasText = false;
    lastLineEndsStatement = false;
  }

  private boolean startsEntry() {
    if (startsWith("# Time:")) {
      return true;
    }
    return lastLineEndsStatement && (startsWith("# User@Host:") || startsWith("# Query_time:"));
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

  /** Reads the next line into {@link #line}, without its {@code \n}; false at the end. */
  private boolean readLine() throws IOException {
    lineLength = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
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
      if (lineLength + position - start > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + position - start));
      }
      System.arraycopy(buffer, start, line, lineLength, position - start);
      lineLength += position - start;
      if (position < limit) {
        position++; // the newline
        lastLineTerminated = true;
        return true;
      }
      lastLineTerminated = false;
    }
  }

  private boolean startsWith(String prefix) {
    if (lineLength < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
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

  private boolean isAscii() {
    for (int i = 0; i < lineLength; i++) {
      if (line[i] < 0) {
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

  /** The current line as characters, when all its bytes are ASCII. */
  private final class AsciiLine implements CharSequence {
    @Override
    public int length() {
      return lineLength;
    }

    @Override
    public char charAt(int index) {
      return (char) line[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(line, start, end - start, UTF_8);
    }

    @Override
    public String toString() {
      return new String(line, 0, lineLength, UTF_8);
    }
  }
}
