package io.precursor.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The precursor command line: every stage, the demo, replay and simulate in one jar. */
@Command(
    name = "precursor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Warns before an Aurora MySQL failover: ingest, streams and alerting stages.",
    subcommands = {
      DemoCommand.class,
      IngestCommand.class,
      ReplayCommand.class,
      StreamsCommand.class,
      AlertingCommand.class,
      SimulateCommand.class,
      FingerprintCommand.class,
      DigestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Precursor implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0
        && args[0].equals("demo")
        && System.getenv("PRECURSOR_KAFKA_LOG_LEVEL") == null) {
      // The in-process broker's start-up warnings are noise in a demo; logback reads this first.
      System.setProperty("PRECURSOR_KAFKA_LOG_LEVEL", "ERROR");
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Precursor()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
