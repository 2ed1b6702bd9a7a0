package io.precursor.ingest.digest;

import java.util.Objects;

/** A file read into a digest, as the user named it, and the form it turned out to have. */
public record DigestedFile(String name, SlowLogFile.Format format) {

  public DigestedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
  }
}
