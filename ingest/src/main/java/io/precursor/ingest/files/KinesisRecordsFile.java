package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Reads {@code aws kinesis get-records} output, one file or a directory of them in name order,
 * streaming so that a day of a fleet's logs never has to fit in memory.
 */
public final class KinesisRecordsFile {

  private KinesisRecordsFile() {}

  /**
   * The records of {@code fileOrDirectory}; a record whose {@code Data} is not base64 (or that
   * lacks a field) is an error entry and the next record is read.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file, or a directory holds no
   *     {@code .json} file
   */
  public static FileEntries<KinesisFileRecord> read(Path fileOrDirectory) throws IOException {
    return new JsonArrayEntries<>(
        ExportFiles.of(fileOrDirectory), "Records", KinesisRecordsFile::record);
  }

  private static void record(
      JsonNode item, FilePosition position, Consumer<KinesisFileRecord> records)
      throws UnreadableItem {
    if (!item.isObject()) {
      throw new UnreadableItem("a record is a JSON object, this is " + item.getNodeType());
    }
    String data = JsonFields.text(item, "Data");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new UnreadableItem("Data is not base64: " + e.getMessage());
    }
    records.accept(
        new KinesisFileRecord(
            position,
            JsonFields.text(item, "SequenceNumber"),
            JsonFields.instantField(item, "ApproximateArrivalTimestamp"),
            JsonFields.text(item, "PartitionKey"),
            bytes));
  }
}
