package io.precursor.ingest.files;

import java.io.Closeable;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The entries of one or more exported files, read lazily in file order; close it to release the
 * file it is reading. I/O failures surface as {@link ExportFileException}.
 */
public interface FileEntries<T> extends Iterator<FileEntry<T>>, Closeable {

  /** Hands every remaining value to {@code onRead} and every unreadable item to {@code onError}. */
  default void drain(Consumer<? super T> onRead, Consumer<? super FileReadError> onError) {
    while (hasNext()) {
      next().accept(onRead, onError);
    }
  }

  @Override
  void close();
}
