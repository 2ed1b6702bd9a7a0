package io.precursor.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: fixture paths and the entries of a reader as a list. */
final class Entries {

  private Entries() {}

  static Path fixture(String path) {
    try {
      return Path.of(Entries.class.getResource("/files/" + path).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("no test fixture files/" + path, e);
    }
  }

  static <T> List<FileEntry<T>> all(FileEntries<T> entries) {
    List<FileEntry<T>> all = new ArrayList<>();
    try (entries) {
      entries.forEachRemaining(all::add);
    }
    return all;
  }

  static <T> T value(FileEntry<T> entry) {
    assertThat(entry).isInstanceOf(FileEntry.Read.class);
    return ((FileEntry.Read<T>) entry).value();
  }

  static FileReadError error(FileEntry<?> entry) {
    assertThat(entry).isInstanceOf(FileEntry.Unreadable.class);
    return ((FileEntry.Unreadable<?>) entry).error();
  }

  static <T> List<T> values(List<FileEntry<T>> entries) {
    List<T> values = new ArrayList<>();
    List<FileReadError> errors = new ArrayList<>();
    entries.forEach(entry -> entry.accept(values::add, errors::add));
    assertThat(errors).as("errors").isEmpty();
    return values;
  }
}
