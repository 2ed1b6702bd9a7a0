package io.precursor.ingest.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the items of one array in each of a list of JSON files, e.g. the {@code Records} of
 * {@code get-records} output, holding one item in memory at a time. A file may hold several such
 * documents one after the other (pages of a paginated command appended to one file). A file that is
 * not valid JSON yields one error at the place it breaks, and reading goes on with the next file.
 */
final class JsonArrayEntries<T> implements FileEntries<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Path> files;
  private final String arrayField;
  private final ItemReader<T> reader;
  private final Deque<FileEntry<T>> ready = new ArrayDeque<>();
  private int nextFile;
  private Path file;
  private JsonParser parser;
  private long index;

  /**
   * @param arrayField the top-level field holding the array, or {@code null} when the file is the
   *     array
   */
  JsonArrayEntries(List<Path> files, String arrayField, ItemReader<T> reader) {
    this.files = List.copyOf(files);
    this.arrayField = arrayField;
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty()) {
      if (parser == null && !openNextFile()) {
        // The last file may have been set aside whole on opening: that error is still to come.
        return !ready.isEmpty();
      }
      readNextItem();
    }
    return true;
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
    closeFile();
    nextFile = files.size();
  }

  private boolean openNextFile() {
    while (nextFile < files.size()) {
      file = files.get(nextFile++);
      index = 0;
      try {
        parser = JSON.createParser(file.toFile());
        if (findArray()) {
          return true;
        }
      } catch (JsonProcessingException e) {
        notJson(e);
      } catch (IOException e) {
        throw new ExportFileException(file, "cannot be read", e);
      }
    }
    return false;
  }

  /** Moves to the array's first item; records an error and closes the file when there is none. */
  private boolean findArray() throws IOException {
    return findArray(parser.nextToken());
  }

  /** As {@link #findArray()}, in the document that starts with {@code root}. */
  private boolean findArray(JsonToken root) throws IOException {
    String expected =
        arrayField == null ? "a JSON array" : "a JSON object with a " + arrayField + " array";
    if (arrayField == null) {
      if (root == JsonToken.START_ARRAY) {
        return true;
      }
    } else if (root == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(arrayField) && value == JsonToken.START_ARRAY) {
          return true;
        }
        parser.skipChildren();
      }
    }
    wholeFileError("it is not " + expected, parser.currentTokenLocation());
    return false;
  }

  private void readNextItem() {
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        if (token == null || !nextDocument()) {
          closeFile();
        }
        return;
      }
      FilePosition position =
          new FilePosition(file, index++, parser.currentTokenLocation().getLineNr());
      JsonNode item = parser.readValueAsTree();
      try {
        reader.read(item, position, value -> ready.add(new FileEntry.Read<>(value)));
      } catch (UnreadableItem e) {
        ready.add(
            new FileEntry.Unreadable<>(
                new FileReadError(position, e.getMessage(), item.toString())));
      }
    } catch (JsonProcessingException e) {
      notJson(e);
    } catch (IOException e) {
      throw new ExportFileException(file, "cannot be read", e);
    }
  }

  /**
   * Skips what follows the array in its document (NextShardIterator, nextToken, Messages, ...: they
   * carry nothing to read) and moves into the next document's array, if the file holds another.
   */
  private boolean nextDocument() throws IOException {
    if (arrayField != null) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
    }
    JsonToken next = parser.nextToken();
    return next != null && findArray(next);
  }

  private void notJson(JsonProcessingException e) {
    wholeFileError("it is not valid JSON: " + e.getOriginalMessage(), e.getLocation());
  }

  private void wholeFileError(String reason, JsonLocation location) {
    long line = location == null ? 0 : location.getLineNr();
    ready.add(
        new FileEntry.Unreadable<>(
            new FileReadError(
                new FilePosition(file, FilePosition.WHOLE_FILE, line),
                reason + (index > 0 ? "; the items before it were read" : ""),
                null)));
    closeFile();
  }

  private void closeFile() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // Closing a file we only read cannot lose data.
      }
      parser = null;
    }
  }
}
