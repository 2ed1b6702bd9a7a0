package io.precursor.scenarios.awscli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a Kinesis export wrote: its files in read order and how much they hold. */
public record KinesisExport(List<Path> files, long records, Map<String, Long> logEventsByType) {

  public KinesisExport {
    files = List.copyOf(files);
    logEventsByType = Map.copyOf(logEventsByType);
  }
}
