package io.precursor.launcher;

import io.precursor.ingest.history.HistoryRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say where a replay reads its input, and their checks. */
final class ReplaySourceOptions {

  /** Where a replay's input comes from. */
  enum Kind {
    files,
    aws
  }

  @Option(
      names = "--source",
      defaultValue = "files",
      description =
          "files: AWS CLI exports in --dir; aws: CloudWatch Logs, CloudWatch metrics and RDS"
              + " events of the window, read from AWS (default: ${DEFAULT-VALUE}).")
  Kind kind;

  @Option(names = "--dir", paramLabel = "DIR", description = "Exports to replay (--source files).")
  Path dir;

  @Option(
      names = "--log-group",
      paramLabel = "GROUP",
      description =
          "Log group to read with --source aws (repeatable); default: the cluster's"
              + " /aws/rds/cluster/<cluster>/slowquery and /error, or the instance's"
              + " /aws/rds/instance/<instance>/...")
  List<String> logGroups = new ArrayList<>();

  /**
   * The source these options name, for the window and scope given.
   *
   * @throws IllegalArgumentException when the options do not fit together, saying what to fix
   */
  ReplaySource source(Instant from, Instant to, String cluster, String instance) {
    if (kind == Kind.aws) {
      if (dir != null) {
        throw new IllegalArgumentException("--dir is for --source files, not --source aws");
      }
      if (from == null || to == null) {
        throw new IllegalArgumentException("--source aws needs the window: --from and --to");
      }
      if (cluster == null && instance == null && logGroups.isEmpty()) {
        throw new IllegalArgumentException(
            "--source aws needs --cluster, --instance or --log-group to know what to read");
      }
      return new AwsReplaySource(new HistoryRequest(from, to, cluster, instance, logGroups));
    }
    if (!logGroups.isEmpty()) {
      throw new IllegalArgumentException("--log-group is for --source aws");
    }
    if (dir == null) {
      throw new IllegalArgumentException("--source files needs --dir");
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such directory " + dir);
    }
    return new FileReplaySource(dir);
  }
}
