package io.precursor.ingest.files;

/** Why one item of a file cannot be turned into a value; becomes a {@link FileReadError}. */
final class UnreadableItem extends Exception {

  private static final long serialVersionUID = 1L;

  UnreadableItem(String reason) {
    super(reason, null, false, false);
  }
}
