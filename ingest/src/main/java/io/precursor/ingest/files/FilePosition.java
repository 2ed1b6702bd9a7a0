package io.precursor.ingest.files;

import java.nio.file.Path;

/**
 * Where in an exported file something was read: the file, the item's index in it (in its array or
 * among its lines) and the line it starts on.
 */
public record FilePosition(Path file, long index, long line) {

  /** The index of a problem that concerns the whole file rather than one item. */
  public static final long WHOLE_FILE = -1;

  /** {@code file:index}, the reference a dead-letter record or a log line carries. */
  public String reference() {
    return index == WHOLE_FILE ? file.toString() : file + ":" + index;
  }

  @Override
  public String toString() {
    return reference() + " (line " + line + ")";
  }
}
