package io.precursor.streams.precursor;

import io.precursor.streams.StreamsStageConfig;
import io.precursor.streams.window.InstanceWindow;
import java.util.ArrayList;
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
                config.getDouble(StreamsStageConfig.REPLICA_LAG_CRITICAL))));
  }

  /** Every finding the window supports, one per rule at most. */
  public List<Finding> evaluate(InstanceWindow window) {
    List<Finding> findings = new ArrayList<>();
    for (PrecursorRule rule : rules) {
      rule.evaluate(window).ifPresent(findings::add);
    }
    return findings;
  }
}
