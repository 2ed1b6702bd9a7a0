package io.precursor.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless on a local file: its DOM after the page's scripts ran, or
 * a screenshot. Headless Chromium does not print the page's console, so the page records its own
 * errors into the DOM (see report.html). Nothing is fetched; every run gets a fresh profile.
 */
final class HeadlessChromium {

  /** Set to {@code true} (CI does) to make a missing Chromium fail instead of skip. */
  static final String REQUIRE = "PRECURSOR_REQUIRE_CHROMIUM";

  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars");

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** Chromium from {@code PRECURSOR_CHROMIUM} or the PATH, if installed. */
  static Optional<HeadlessChromium> find() {
    String configured = System.getenv("PRECURSOR_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(new HeadlessChromium(Path.of(configured)));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(new HeadlessChromium(candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** What one run printed. */
  record Run(int exitCode, String stdout, String stderr) {}

  /** The page's DOM once its scripts ran, within {@code budgetMillis} of virtual time. */
  Run dumpDom(String url, int budgetMillis, Path work) throws IOException, InterruptedException {
    return run(
        work,
        List.of(
            "--window-size=1280,2000", "--virtual-time-budget=" + budgetMillis, "--dump-dom", url));
  }

  /** A PNG of the page at {@code width} x {@code height}. */
  Run screenshot(Path page, Path png, int width, int height, Path work)
      throws IOException, InterruptedException {
    return run(
        work,
        List.of(
            "--window-size=" + width + "," + height,
            "--virtual-time-budget=5000",
            "--screenshot=" + png.toAbsolutePath(),
            page.toUri().toString()));
  }

  private Run run(Path work, List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = work.resolve("chromium-" + System.nanoTime() + ".err");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "chromium did not finish in 90 s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
