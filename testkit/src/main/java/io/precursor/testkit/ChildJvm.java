package io.precursor.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started on the test's own classpath, as a deployment runs a stage: its own process, so a
 * test can kill it hard. Its output (stdout and stderr) is appended to a log file.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * Starts {@code main} with {@code args}, after {@code jvmOptions}; the test's logback
   * configuration, if it names one, is passed on.
   */
  public static Process start(List<String> jvmOptions, Class<?> main, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Kills {@code process} as {@code kill -9} would and waits until it is gone. */
  public static void killHard(Process process, String what) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(what + " outlived SIGKILL for 30 s");
    }
  }
}
