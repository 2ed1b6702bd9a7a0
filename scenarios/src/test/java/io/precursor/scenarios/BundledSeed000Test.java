package io.precursor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled seed-000 files are exactly what the generator writes, so they cannot drift. After
 * changing the generator on purpose, rebundle with {@code ./mvnw -o -pl scenarios test
 * -Dtest=BundledSeed000Test -Dprecursor.rebundle=true}.
 */
class BundledSeed000Test {

  private static final Path SOURCE_BUNDLE = Path.of("src/main/resources/scenarios/seed-000");

  @Test
  void shouldMatchTheGeneratorByteForByte(@TempDir Path temp) throws IOException {
    // given
    Path regenerated = temp.resolve("seed-000");

    // when
    ScenarioManifest manifest = Scenarios.write(MonthlyRebuildFailover.NAME, regenerated);

    // then
    if (Boolean.getBoolean("precursor.rebundle")) {
      rebundle(regenerated);
    }
    List<String> paths = new ArrayList<>();
    paths.add(ScenarioManifest.FILE_NAME);
    manifest.files().forEach(file -> paths.add(file.path()));
    assertThat(filesUnder(regenerated)).containsExactlyInAnyOrderElementsOf(paths);
    for (String path : paths) {
      byte[] expected = Files.readAllBytes(regenerated.resolve(path));
      assertThat(bundled(path))
          .as(
              "bundled %s differs from the generator's output; if the change is intended, rebundle"
                  + " with -Dtest=BundledSeed000Test -Dprecursor.rebundle=true",
              path)
          .isEqualTo(expected);
    }
  }

  private static byte[] bundled(String path) throws IOException {
    if (Boolean.getBoolean("precursor.rebundle")) {
      return Files.readAllBytes(SOURCE_BUNDLE.resolve(path));
    }
    try (InputStream in = getClassLoader().getResourceAsStream("scenarios/seed-000/" + path)) {
      assertThat(in).as("bundled resource scenarios/seed-000/%s", path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static ClassLoader getClassLoader() {
    return BundledSeed000Test.class.getClassLoader();
  }

  private static List<String> filesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .toList();
    }
  }

  private static void rebundle(Path regenerated) throws IOException {
    if (Files.exists(SOURCE_BUNDLE)) {
      try (Stream<Path> old = Files.walk(SOURCE_BUNDLE)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (String path : filesUnder(regenerated)) {
      Path target = SOURCE_BUNDLE.resolve(path);
      Files.createDirectories(target.getParent());
      Files.copy(regenerated.resolve(path), target);
    }
  }
}
