package io.precursor.ingest.digest;

import io.precursor.ingest.logs.LogEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a file of slow query log entries, whatever form it has: a slow query log as MySQL writes
 * it, or an {@code aws logs filter-log-events} JSON export of a slow query log group; either may be
 * gzipped. The form is told from the content, not the name.
 */
public final class SlowLogFile {

  /** The forms of file this reads. */
  public enum Format {
    /** A slow query log file as MySQL writes it. */
    SLOW_LOG,
    /** JSON output of {@code aws logs filter-log-events}. */
    CLOUDWATCH_EXPORT
  }

  private static final int PEEK_BYTES = 4096;

  private SlowLogFile() {}

  /**
   * Streams the file to {@code onText}, one entry (or one CloudWatch event) at a time.
   *
   * @return the form the file had
   */
  public static Format read(Path file, Consumer<SlowLogText> onText) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), onText);
    }
  }

  /**
   * As {@link #read(Path, Consumer)}, from a stream the caller closes.
   *
   * @param name the file's name, the stream of its entries when it is a slow log
   */
  public static Format read(InputStream raw, String name, Consumer<SlowLogText> onText)
      throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    if (isGzip(in)) {
      in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    if (startsWithJsonObject(in)) {
      LogEventsExport.read(in, event -> onText.accept(textOf(event)));
      return Format.CLOUDWATCH_EXPORT;
    }
    SlowLogEntryTexts.split(in, text -> onText.accept(new SlowLogText(text, name, null)));
    return Format.SLOW_LOG;
  }

  private static SlowLogText textOf(ExportedLogEvent exported) {
    LogEvent event = exported.event();
    return new SlowLogText(event.message(), exported.logStream(), event.time());
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  // A slow log starts with a banner or '#'; an export with '{' (after whitespace or a BOM).
  private static boolean startsWithJsonObject(InputStream in) throws IOException {
    in.mark(PEEK_BYTES);
    try {
      for (int i = 0; i < PEEK_BYTES; i++) {
        int b = in.read();
        if (b == '{') {
          return true;
        }
        boolean whitespace = b == ' ' || b == '\t' || b == '\r' || b == '\n';
        boolean byteOrderMark = b == 0xEF || b == 0xBB || b == 0xBF;
        if (!whitespace && !byteOrderMark) {
          return false;
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }
}
