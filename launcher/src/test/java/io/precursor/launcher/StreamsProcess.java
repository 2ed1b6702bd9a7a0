package io.precursor.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code precursor streams} in a JVM of its own, started from the test classpath, so a test can
 * kill it the way a crashed host or the OOM killer would: SIGKILL, no shutdown hook, no close.
 */
final class StreamsProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private StreamsProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the stage with {@code settings} as {@code --set} options; its output goes to {@code
   * log}.
   */
  static StreamsProcess start(Map<String, String> settings, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and single-collector: two of these may share two cores with the broker and the test.
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Precursor.class.getName());
    command.add("streams");
    command.add("--no-create-topics");
    settings.forEach(
        (key, value) -> {
          command.add("--set");
          command.add(key + "=" + value);
        });
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    // A test JVM that ends mid-test must not leave a stage running on the shared machine.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(process::destroyForcibly, "streams-process-reaper"));
    return new StreamsProcess(process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the JVM gets no chance to commit, flush or close anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the streams process outlived SIGKILL for 30 s");
    }
  }

  Path log() {
    return log;
  }

  /** SIGTERM, the clean shutdown of a deployment. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
