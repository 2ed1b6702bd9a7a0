package io.precursor.ingest.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resolves an export path to its files: the file itself, or a directory's JSON files by name. */
final class ExportFiles {

  private ExportFiles() {}

  static List<Path> of(Path fileOrDirectory) throws IOException {
    if (!Files.exists(fileOrDirectory)) {
      throw new NoSuchFileException(fileOrDirectory.toString());
    }
    if (!Files.isDirectory(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    // Paged exports are numbered (stream-00001.json, stream-00002.json): name order is read order.
    try (Stream<Path> entries = Files.list(fileOrDirectory)) {
      List<Path> files =
          entries
              .filter(Files::isRegularFile)
              .filter(path -> path.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new NoSuchFileException(fileOrDirectory.toString(), null, "holds no .json files");
      }
      return files;
    }
  }
}
