package io.precursor.scenarios;

import io.precursor.scenarios.catalogue.BusyMonthEnd;
import io.precursor.scenarios.catalogue.CpuCreditExhaustionFailover;
import io.precursor.scenarios.catalogue.DeadlockStormFailover;
import io.precursor.scenarios.catalogue.FullScanStormFailover;
import io.precursor.scenarios.catalogue.OversizedTransactionFailover;
import io.precursor.scenarios.catalogue.ReplicaLagGrowthFailover;
import io.precursor.scenarios.catalogue.WriteIoSaturationFailover;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The named scenarios {@code precursor simulate} can write: one failover story per precursor of the
 * catalogue ({@code seed-000} and the {@code seed-00N-<kind>} ones), the busy but healthy {@code
 * busy-month-end}, and a small {@code steady-fleet} (use {@link SteadyFleet#builder()} to size
 * one).
 */
public final class Scenarios {

  private Scenarios() {}

  public static List<String> names() {
    return List.of(
        MonthlyRebuildFailover.NAME,
        FullScanStormFailover.NAME,
        WriteIoSaturationFailover.NAME,
        DeadlockStormFailover.NAME,
        OversizedTransactionFailover.NAME,
        CpuCreditExhaustionFailover.NAME,
        ReplicaLagGrowthFailover.NAME,
        BusyMonthEnd.NAME,
        SteadyFleet.NAME);
  }

  /** The scenario called {@code name}, with its default seed. */
  public static Scenario named(String name) {
    return switch (name) {
      case MonthlyRebuildFailover.NAME -> MonthlyRebuildFailover.scenario();
      case FullScanStormFailover.NAME -> FullScanStormFailover.scenario();
      case WriteIoSaturationFailover.NAME -> WriteIoSaturationFailover.scenario();
      case DeadlockStormFailover.NAME -> DeadlockStormFailover.scenario();
      case OversizedTransactionFailover.NAME -> OversizedTransactionFailover.scenario();
      case CpuCreditExhaustionFailover.NAME -> CpuCreditExhaustionFailover.scenario();
      case ReplicaLagGrowthFailover.NAME -> ReplicaLagGrowthFailover.scenario();
      case BusyMonthEnd.NAME -> BusyMonthEnd.scenario();
      case SteadyFleet.NAME -> SteadyFleet.builder().build();
      default ->
          throw new IllegalArgumentException("no scenario named '" + name + "'; known: " + names());
    };
  }

  /** Writes the scenario called {@code name} into {@code directory} (new or empty). */
  public static ScenarioManifest write(String name, Path directory) throws IOException {
    return ScenarioWriter.write(named(name), directory);
  }

  /** As {@link #write(String, Path)}, with the logs exported as {@code logExport} says. */
  public static ScenarioManifest write(
      String name, Path directory, ScenarioWriter.LogExport logExport) throws IOException {
    return ScenarioWriter.write(named(name), directory, logExport);
  }
}
