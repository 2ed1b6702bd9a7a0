package io.precursor.launcher;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/** The options every stage command takes to configure itself. */
final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with settings (see README, Configuration).")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Sets one setting, over the file and the environment (PRECURSOR_<KEY> variables).")
  Map<String, String> overrides = new LinkedHashMap<>();

  Settings load(Collection<ConfigDef> definitions) {
    return Settings.load(definitions, file, System.getenv(), overrides);
  }
}
