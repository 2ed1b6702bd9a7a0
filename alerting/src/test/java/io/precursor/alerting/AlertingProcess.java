package io.precursor.alerting;

import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.DeadLetter;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.testkit.ChildJvm;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The alerting stage as a process of its own, for crash tests that kill it hard: {@link #start}
 * launches a JVM on the test class path running {@link #main}, which reads its settings from a
 * properties file and runs {@link AlertingService} until killed.
 */
public final class AlertingProcess {

  private AlertingProcess() {}

  /** Runs alerting with the settings in the properties file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Properties file = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
      file.load(reader);
    }
    Map<String, Object> props = new HashMap<>();
    file.forEach((k, v) -> props.put(k.toString(), v.toString()));
    Topics topics = new Topics(new TopicsConfig(props));
    registerInFixedOrder(topics);
    AlertingService service = new AlertingService(new AlertingConfig(props), topics);
    service.run();
  }

  /**
   * Registers alerting's schemas in a fixed order, so a {@code mock://} registry (one per JVM)
   * gives them the same ids in the test JVM and in the alerting process.
   */
  public static void registerInFixedOrder(Topics topics) {
    var registry = topics.registry();
    registry.register(topics.precursors().name() + "-value", FailoverPrecursor.getClassSchema());
    registry.register(topics.incidents().name() + "-value", Incident.getClassSchema());
    registry.register(topics.actions().name() + "-value", ActionRecord.getClassSchema());
    registry.register(
        topics.deadLetters(Topics.Stage.ALERTING).name() + "-value", DeadLetter.getClassSchema());
  }

  /** Starts a JVM running alerting with {@code settings}, its output appended to {@code log}. */
  public static Process start(Map<String, Object> settings, Path dir, Path log) throws IOException {
    Properties props = new Properties();
    settings.forEach((k, v) -> props.setProperty(k, v.toString()));
    Path file = Files.createTempFile(dir, "alerting-", ".properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, "alerting process settings");
    }
    return ChildJvm.start(
        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        AlertingProcess.class,
        List.of(file.toString()),
        log);
  }

  /** Kills {@code process} as {@code kill -9} would and waits until it is gone. */
  public static void killHard(Process process) throws InterruptedException {
    ChildJvm.killHard(process, "the alerting process");
  }
}
