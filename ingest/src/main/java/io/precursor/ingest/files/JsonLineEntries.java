package io.precursor.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/** Streams a file of one JSON document per line; a bad line is one error and the next is read. */
final class JsonLineEntries<T> implements FileEntries<T> {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final Path file;
  private final ItemReader<T> reader;
  private final BufferedReader lines;
  private final Deque<FileEntry<T>> ready = new ArrayDeque<>();
  private long lineNumber;
  private long index;
  private boolean done;

  JsonLineEntries(Path file, ItemReader<T> reader) throws IOException {
    this.file = file;
    this.reader = reader;
    this.lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !done) {
      readLine();
    }
    return !ready.isEmpty();
  }

  @Override
  public FileEntry<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  @Override
  public void close() {
    done = true;
    try {
      lines.close();
    } catch (IOException e) {
      // Closing a file we only read cannot lose data.
    }
  }

  private void readLine() {
    String line;
    try {
      line = lines.readLine();
    } catch (IOException e) {
      throw new ExportFileException(file, "cannot be read", e);
    }
    if (line == null) {
      close();
      return;
    }
    lineNumber++;
    if (line.isBlank()) {
      return;
    }
    FilePosition position = new FilePosition(file, index++, lineNumber);
    try {
      JsonNode item = JSON.readTree(line);
      reader.read(item, position, value -> ready.add(new FileEntry.Read<>(value)));
    } catch (JsonProcessingException e) {
      ready.add(
          new FileEntry.Unreadable<>(
              new FileReadError(
                  position, "the line is not valid JSON: " + e.getOriginalMessage(), line)));
    } catch (UnreadableItem e) {
      ready.add(new FileEntry.Unreadable<>(new FileReadError(position, e.getMessage(), line)));
    }
  }
}
