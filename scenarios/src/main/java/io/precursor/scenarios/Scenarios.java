package io.precursor.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The named scenarios {@code precursor simulate} can write: {@code seed-000} and a small {@code
 * steady-fleet} (use {@link SteadyFleet#builder()} to size one).
 */
public final class Scenarios {

  private Scenarios() {}

  public static List<String> names() {
    return List.of(MonthlyRebuildFailover.NAME, SteadyFleet.NAME);
  }

  /** The scenario called {@code name}, with its default seed. */
  public static Scenario named(String name) {
    return switch (name) {
      case MonthlyRebuildFailover.NAME -> MonthlyRebuildFailover.scenario();
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
