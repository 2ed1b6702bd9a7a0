package io.precursor.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The settings of one run, merged from lowest to highest precedence: built-in defaults of each
 * stage, a properties file, environment variables ({@code PRECURSOR_TOPICS_PREFIX} for {@code
 * topics.prefix}), then command-line {@code --set key=value}.
 */
public final class Settings {

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads the settings for the keys the given definitions declare.
   *
   * @param file properties file, or null
   * @param env the environment (System.getenv() in production)
   * @param overrides command-line overrides
   */
  public static Settings load(
      Collection<ConfigDef> definitions,
      Path file,
      Map<String, String> env,
      Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>();
    if (file != null) {
      Properties props = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        props.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read config file " + file + ": " + e, e);
      }
      props.forEach((k, v) -> merged.put(k.toString(), v.toString()));
    }
    for (ConfigDef definition : definitions) {
      for (String key : definition.names()) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
          merged.put(key, fromEnv);
        }
      }
    }
    merged.putAll(overrides);
    return new Settings(merged);
  }

  /** The environment variable that sets {@code key}. */
  public static String envName(String key) {
    return "PRECURSOR_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** These settings with {@code key} set to {@code value} unless already set. */
  public Settings withDefault(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.putIfAbsent(key, value);
    return new Settings(copy);
  }

  /** These settings with {@code key} set to {@code value}, whatever it was. */
  public Settings with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Settings(copy);
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
