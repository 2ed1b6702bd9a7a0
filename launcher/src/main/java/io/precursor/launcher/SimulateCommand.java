package io.precursor.launcher;

import io.precursor.scenarios.ScenarioFile;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.Scenarios;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes an incident scenario as the files the AWS CLI would export. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Writes an incident scenario as AWS CLI exports (kinesis get-records, cloudwatch"
            + " get-metric-data with its queries, rds describe-events), for the demo, replay,"
            + " tests and benchmarks.")
final class SimulateCommand implements Callable<Integer> {

  @Option(
      names = "--scenario",
      defaultValue = "seed-000",
      description = "Scenario to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write into (new or empty).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ScenarioManifest manifest = Scenarios.write(scenario, out);
    System.out.printf(
        "wrote scenario %s (%s to %s) into %s:%n",
        manifest.name(), manifest.windowStart(), manifest.windowEnd(), out);
    for (ScenarioFile file : manifest.files()) {
      System.out.printf("  %-60s %s%n", file.path(), file.format());
    }
    return 0;
  }

  /** The scenario names, for help and completion. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenarios.names().iterator();
    }
  }
}
