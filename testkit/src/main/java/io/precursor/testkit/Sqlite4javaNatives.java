package io.precursor.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The native libraries of sqlite4java, which DynamoDB Local stores its tables with: the test kit's
 * build puts them among its classes, and they are copied to a folder named by the system property
 * {@value #PROPERTY}, the only place sqlite4java looks for them.
 */
final class Sqlite4javaNatives {

  static final String PROPERTY = "sqlite4java.library.path";
  private static final String RESOURCES = "sqlite4java/";
  private static final List<String> LIBRARIES =
      List.of(
          "libsqlite4java-linux-amd64.so",
          "libsqlite4java-linux-i386.so",
          "libsqlite4java-osx.dylib",
          "sqlite4java-win32-x64.dll",
          "sqlite4java-win32-x86.dll");

  private Sqlite4javaNatives() {}

  /** Sets {@value #PROPERTY} to a folder holding the libraries, unless it is set already. */
  static synchronized void install() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return;
    }
    try {
      Path folder = Files.createTempDirectory("sqlite4java-");
      folder.toFile().deleteOnExit();
      int copied = 0;
      for (String library : LIBRARIES) {
        try (InputStream in = Sqlite4javaNatives.class.getResourceAsStream(RESOURCES + library)) {
          if (in != null) {
            Path target = folder.resolve(library);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            copied++;
          }
        }
      }
      if (copied == 0) {
        throw new IllegalStateException(
            "sqlite4java's native libraries are not among the test kit's classes (the build copies"
                + " them with maven-dependency-plugin); build the test kit with Maven or set -D"
                + PROPERTY);
      }
      System.setProperty(PROPERTY, folder.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy sqlite4java's native libraries", e);
    }
  }
}
