package io.precursor.ingest.files;

/**
 * An item of an exported file that could not be read: where it is, why, and its raw text (when
 * there is any) so it can be set aside as it was.
 */
public record FileReadError(FilePosition position, String reason, String raw) {

  @Override
  public String toString() {
    return position + ": " + reason;
  }
}
