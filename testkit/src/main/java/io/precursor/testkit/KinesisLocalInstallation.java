package io.precursor.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the test kit's build installed kinesis-local with {@code npm ci}: read from a resource the
 * build writes, or from the system property {@value #PROPERTY} when set.
 */
record KinesisLocalInstallation(Path directory) {

  static final String PROPERTY = "precursor.kinesis-local.dir";
  private static final String RESOURCE = "kinesis-local.properties";

  /**
   * The installation this build made.
   *
   * @throws IllegalStateException saying how to install it when it is missing
   */
  static KinesisLocalInstallation find() {
    String configured = System.getProperty(PROPERTY);
    Path directory =
        configured != null && !configured.isBlank() ? Path.of(configured) : fromBuildResource();
    KinesisLocalInstallation installation = new KinesisLocalInstallation(directory);
    for (Path required :
        new Path[] {installation.main(), installation.certificate(), installation.loopbackShim()}) {
      if (!Files.isRegularFile(required)) {
        throw new IllegalStateException(
            "kinesis-local is not installed: "
                + required
                + " is missing. The test kit's build installs it with `npm ci` (needs node and"
                + " npm): run `./mvnw -pl testkit process-resources`, or point -D"
                + PROPERTY
                + " at a folder holding node_modules/kinesis-local and listen-on-loopback.js.");
      }
    }
    return installation;
  }

  Path main() {
    return packageDirectory().resolve("main.js");
  }

  /** The self-signed certificate its TLS port needs even when only plain HTTP is used. */
  Path certificate() {
    return packageDirectory().resolve("server.json");
  }

  /** The {@code node --require} script that keeps its servers on 127.0.0.1. */
  Path loopbackShim() {
    return directory.resolve("listen-on-loopback.js");
  }

  private Path packageDirectory() {
    return directory.resolve("node_modules").resolve("kinesis-local");
  }

  private static Path fromBuildResource() {
    try (InputStream in = KinesisLocalInstallation.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the test kit's build resource "
                + RESOURCE
                + " is missing; build the test kit with Maven, or set -D"
                + PROPERTY);
      }
      Properties properties = new Properties();
      properties.load(in);
      return Path.of(properties.getProperty("install.dir"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
