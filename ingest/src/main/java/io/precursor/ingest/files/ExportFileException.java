package io.precursor.ingest.files;

import java.nio.file.Path;

/**
 * An exported file could not be read at all (missing, unreadable, or a companion file that is not
 * what it should be); unlike an unreadable item, reading cannot go on.
 */
public final class ExportFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ExportFileException(Path file, String reason, Throwable cause) {
    super(file + " " + reason, cause);
    this.file = file;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }
}
