package io.precursor.ingest.files;

import java.util.function.Consumer;

/** One item of an exported file: a value that was read, or the reason it could not be. */
public sealed interface FileEntry<T> {

  /** Hands the value to {@code onRead} or the error to {@code onError}. */
  void accept(Consumer<? super T> onRead, Consumer<? super FileReadError> onError);

  /** A value read from the file. */
  record Read<T>(T value) implements FileEntry<T> {
    @Override
    public void accept(Consumer<? super T> onRead, Consumer<? super FileReadError> onError) {
      onRead.accept(value);
    }
  }

  /** An item that could not be read; reading went on with the next one. */
  record Unreadable<T>(FileReadError error) implements FileEntry<T> {
    @Override
    public void accept(Consumer<? super T> onRead, Consumer<? super FileReadError> onError) {
      onError.accept(error);
    }
  }
}
