package io.precursor.ingest;

import java.nio.file.Path;

/**
 * How much of a replay's input the event-time ordering may hold in memory, and where it writes the
 * sorted runs that do not fit.
 */
record ExportSortBudget(int maxHeldRecords, Path spillDirectory) {

  static ExportSortBudget of(IngestConfig config) {
    String dir = config.getString(IngestConfig.REPLAY_SORT_SPILL_DIR);
    return new ExportSortBudget(
        config.getInt(IngestConfig.REPLAY_SORT_MAX_RECORDS),
        Path.of(dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir));
  }

  TimeOrderedBuffer buffer(IngestSink target) {
    return new TimeOrderedBuffer(target, maxHeldRecords, spillDirectory);
  }
}
