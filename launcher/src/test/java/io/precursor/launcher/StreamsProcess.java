package io.precursor.launcher;

import io.precursor.testkit.ChildJvm;
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
    List<String> args = new ArrayList<>(List.of("streams", "--no-create-topics"));
    settings.forEach(
        (key, value) -> {
          args.add("--set");
          args.add(key + "=" + value);
        });
    // Small and single-collector: two of these may share two cores with the broker and the test.
    Process process =
        ChildJvm.start(List.of("-Xmx256m", "-XX:+UseSerialGC"), Precursor.class, args, log);
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
    ChildJvm.killHard(process, "the streams process");
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
