package io.precursor.ingest.files;

import io.precursor.schemas.DbEvent;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads {@code aws rds describe-events} output, one file or a directory of them; the events carry
 * no EventID, so their kind comes from category and message text.
 */
public final class DescribeEventsFile {

  private DescribeEventsFile() {}

  public static FileEntries<DbEvent> read(Path fileOrDirectory) throws IOException {
    return read(fileOrDirectory, InstanceClusters.NONE);
  }

  /**
   * The events; one without SourceIdentifier, Message or a readable Date is an error entry and the
   * next event is read.
   */
  public static FileEntries<DbEvent> read(Path fileOrDirectory, InstanceClusters clusters)
      throws IOException {
    return new JsonArrayEntries<>(
        ExportFiles.of(fileOrDirectory),
        "Events",
        (item, position, events) ->
            events.accept(RdsEventFields.toDbEvent(item, null, null, clusters)));
  }
}
