package io.precursor.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenarios shipped pre-written on the classpath, so a demo or a test needs no generation step; a
 * test keeps them identical to what the generator writes.
 */
public final class BundledScenarios {

  /** Where bundled scenarios live on the classpath, one directory each. */
  public static final String RESOURCE_ROOT = "scenarios/";

  private BundledScenarios() {}

  /** The names of the bundled scenarios. */
  public static List<String> names() {
    return Scenarios.names().stream().filter(BundledScenarios::isBundled).toList();
  }

  /** Copies the bundled scenario {@code name} into {@code directory} (new or empty). */
  public static ScenarioManifest extract(String name, Path directory) throws IOException {
    if (!isBundled(name)) {
      throw new IllegalArgumentException("no bundled scenario '" + name + "'; bundled: " + names());
    }
    ScenarioWriter.requireEmpty(directory);
    ScenarioManifest manifest;
    try (InputStream in = open(name, ScenarioManifest.FILE_NAME)) {
      manifest = ScenarioManifest.read(in);
    }
    copy(name, ScenarioManifest.FILE_NAME, directory);
    for (ScenarioFile file : manifest.files()) {
      copy(name, file.path(), directory);
    }
    return manifest;
  }

  private static void copy(String name, String path, Path directory) throws IOException {
    Path target = directory.resolve(path).normalize();
    if (!target.startsWith(directory.normalize())) {
      throw new IOException("bundled file " + path + " would land outside " + directory);
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = open(name, path)) {
      Files.copy(in, target);
    }
  }

  private static InputStream open(String name, String path) throws IOException {
    String resource = RESOURCE_ROOT + name + "/" + path;
    InputStream in = BundledScenarios.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("bundled scenario " + name + " lacks " + resource);
    }
    return in;
  }

  private static boolean isBundled(String name) {
    return BundledScenarios.class
            .getClassLoader()
            .getResource(RESOURCE_ROOT + name + "/" + ScenarioManifest.FILE_NAME)
        != null;
  }
}
