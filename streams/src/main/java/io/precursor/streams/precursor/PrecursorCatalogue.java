package io.precursor.streams.precursor;

import io.precursor.streams.StreamsStageConfig;
import java.util.List;

/** The rules of the precursor catalogue that are switched on, built from configuration. */
public final class PrecursorCatalogue {

  private final List<PrecursorRule> rules;

  public PrecursorCatalogue(List<PrecursorRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static PrecursorCatalogue from(StreamsStageConfig config) {
    return new PrecursorCatalogue(
        List.of(
            new BulkDmlMemoryPressure(
                config.getInt(StreamsStageConfig.BULK_DML_MIN_ENTRIES),
                config.getDouble(StreamsStageConfig.BULK_DML_MEMORY_DROP),
                config.getDouble(StreamsStageConfig.BULK_DML_MEMORY_CRITICAL)),
            new WriteIoSaturation(
                config.getDouble(StreamsStageConfig.WRITE_IO_RISE),
                config.getDouble(StreamsStageConfig.WRITE_IO_MIN_COMMIT_LATENCY),
                config.getDouble(StreamsStageConfig.WRITE_IO_PLATEAU)),
            new CpuCreditExhaustion(
                config.getDouble(StreamsStageConfig.CPU_CREDIT_HORIZON),
                config.getDouble(StreamsStageConfig.CPU_CREDIT_FLOOR)),
            new ReplicaLagGrowth(
                config.getDouble(StreamsStageConfig.REPLICA_LAG_MIN),
                config.getDouble(StreamsStageConfig.REPLICA_LAG_CRITICAL)),
            new FullScanStorm(
                config.getDouble(StreamsStageConfig.FULL_SCAN_RISE),
                config.getLong(StreamsStageConfig.FULL_SCAN_MIN_ROWS),
                config.getInt(StreamsStageConfig.FULL_SCAN_MIN_CONCURRENT),
                config.getInt(StreamsStageConfig.FULL_SCAN_CRITICAL_CONCURRENT),
                config.getInt(StreamsStageConfig.FULL_SCAN_IN_LIST_LIMIT),
                config.getDouble(StreamsStageConfig.CLEAR_FRACTION)),
            new DeadlockStorm(
                config.getInt(StreamsStageConfig.DEADLOCK_MIN_DUMPS),
                config.getDouble(StreamsStageConfig.DEADLOCK_MIN_RATE),
                config.getInt(StreamsStageConfig.DEADLOCK_CRITICAL_DUMPS),
                config.getDouble(StreamsStageConfig.CLEAR_FRACTION)),
            new OversizedTransaction(
                config.getLong(StreamsStageConfig.OVERSIZED_MIN_ROWS),
                config.getLong(StreamsStageConfig.OVERSIZED_CRITICAL_ROWS),
                config.getDouble(StreamsStageConfig.OVERSIZED_MEMORY_DROP),
                config.getBoolean(StreamsStageConfig.OVERSIZED_BINLOG_ASSUMED))));
  }

  /** The rules, in the order their findings are passed on. */
  public List<PrecursorRule> rules() {
    return rules;
  }
}
