package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The once-and-audited guarantee under hard crashes: alerting runs as a separate JVM that is killed
 * with {@code destroyForcibly} (SIGKILL) or halts itself at a named point ({@link CrashPoint}),
 * then is started again on the same consumer group.
 */
@ExtendWith(TestBrokerExtension.class)
class AlertingCrashIT {

  private static final Logger log = LoggerFactory.getLogger(AlertingCrashIT.class);
  private static final Pattern SUBJECT = Pattern.compile("crash-(\\d{3})");
  private static final Path WORK = Path.of("target", "alerting-crash-it");

  private final AlertingHarness harness;
  private final List<Process> processes = new ArrayList<>();
  private LocalSlackWebhook slack;
  private Path output;

  AlertingCrashIT(TestBroker broker, KafkaTestClients clients) {
    this.harness = new AlertingHarness(broker, clients, "crash-it", 2);
  }

  @BeforeEach
  void setUp() throws Exception {
    AlertingProcess.registerInFixedOrder(harness.topics);
    slack = LocalSlackWebhook.start();
    Files.createDirectories(WORK);
    output = WORK.resolve(harness.scope + ".log");
    Map<String, Object> props = harness.props;
    props.put(AlertingConfig.WEBHOOK_URL, slack.url().toString());
    props.put(AlertingConfig.WEBHOOK_NAME, "ops");
    // Fast enough for 200 alerts in a test; pacing is covered elsewhere.
    props.put(AlertingConfig.RATE_PER_SECOND, "50");
    props.put(AlertingConfig.RATE_BURST, "50");
    // A restarted process takes the dead one's place at once (static membership) instead of
    // waiting for its session to time out.
    props.put(AlertingConfig.KAFKA_PREFIX + "group.instance.id", "alerting-crash-it");
    props.put(AlertingConfig.KAFKA_PREFIX + "session.timeout.ms", "6000");
    props.put(AlertingConfig.KAFKA_PREFIX + "heartbeat.interval.ms", "1000");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : processes) {
      if (p.isAlive()) {
        AlertingProcess.killHard(p);
      }
    }
    harness.close();
    slack.close();
  }

  private Process start(Map<String, Object> extra) throws Exception {
    Map<String, Object> settings = new HashMap<>(harness.props);
    settings.putAll(extra);
    Process process = AlertingProcess.start(settings, WORK, output);
    processes.add(process);
    return process;
  }

  // Two alerts on one partition, so they are handled in order.
  private void produceTwoInOrder() throws Exception {
    for (int i = 0; i < 2; i++) {
      FailoverPrecursor precursor =
          Samples.precursor().setId(String.format("crash-%03d", i)).build();
      harness.produce(harness.topics.precursors(), 0, precursor.getInstance(), precursor);
    }
  }

  private void produce(int count) throws Exception {
    List<Map.Entry<String, FailoverPrecursor>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String instance = "ads-prod-" + (i % 4);
      records.add(
          Map.entry(
              instance,
              Samples.precursor()
                  .setId(String.format("crash-%03d", i))
                  .setInstance(instance)
                  .build()));
    }
    harness.produceAll(harness.topics.precursors(), records);
  }

  // How many times Slack accepted each alert, by its number.
  private Map<Integer, Long> receipts() {
    return slack.received().stream()
        .map(
            body -> {
              Matcher m = SUBJECT.matcher(body);
              assertThat(m.find()).as("a posted alert names its precursor").isTrue();
              return Integer.parseInt(m.group(1));
            })
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private String group() {
    return harness.props.get(AlertingConfig.GROUP_ID).toString();
  }

  @Test
  void shouldNotPostAgainWhenKilledAfterTheAuditRecordAndBeforeTheOffsetCommit() throws Exception {
    produceTwoInOrder();

    Process first =
        start(
            Map.of(
                AlertingConfig.TEST_HALT_AT,
                CrashPoint.AFTER_AUDIT,
                AlertingConfig.TEST_HALT_SUBJECT,
                "crash-000"));
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the process halted").isTrue();

    // Halted where intended: posted, recorded, offset not committed.
    assertThat(first.exitValue()).isEqualTo(CrashPoint.HALT_STATUS);
    assertThat(receipts()).isEqualTo(Map.of(0, 1L));
    assertThat(harness.readAll(harness.topics.actions()))
        .extracting(ActionRecord::getSubjectId)
        .containsExactly("crash-000");
    assertThat(harness.committed(group(), harness.topics.precursors())).isZero();

    Process second = start(Map.of());
    await().atMost(Duration.ofSeconds(120)).until(() -> receipts().containsKey(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(group(), harness.topics.precursors()) == 2);
    AlertingProcess.killHard(second);

    assertThat(receipts()).isEqualTo(Map.of(0, 1L, 1, 1L));
    assertThat(harness.readAll(harness.topics.actions())).hasSize(2);
  }

  @Test
  void shouldRepeatAPostOnlyWhenKilledBetweenSlacksAnswerAndTheAuditRecord() throws Exception {
    produceTwoInOrder();

    Process first =
        start(
            Map.of(
                AlertingConfig.TEST_HALT_AT,
                CrashPoint.AFTER_POST,
                AlertingConfig.TEST_HALT_SUBJECT,
                "crash-000"));
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the process halted").isTrue();
    assertThat(first.exitValue()).isEqualTo(CrashPoint.HALT_STATUS);
    assertThat(receipts()).isEqualTo(Map.of(0, 1L));
    assertThat(harness.readAll(harness.topics.actions())).isEmpty();

    Process second = start(Map.of());
    await().atMost(Duration.ofSeconds(120)).until(() -> receipts().containsKey(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(group(), harness.topics.precursors()) == 2);
    AlertingProcess.killHard(second);

    // The one window the README states: Slack saw crash-000 twice; it was recorded once.
    assertThat(receipts()).isEqualTo(Map.of(0, 2L, 1, 1L));
    assertThat(harness.readAll(harness.topics.actions()))
        .extracting(ActionRecord::getSubjectId)
        .containsExactlyInAnyOrder("crash-000", "crash-001");
  }

  @Test
  void shouldDeliverEveryAlertThroughRandomHardKillsWithAtMostOneDuplicatePerKill()
      throws Exception {
    int alerts = 200;
    int kills = 5;
    long seed = System.nanoTime();
    Random random = new Random(seed);
    log.info("Random kills with seed {}", seed);
    produce(alerts);

    for (int k = 0; k < kills; k++) {
      int before = slack.received().size();
      int progress = 5 + random.nextInt(25);
      Process process = start(Map.of());
      // Kill it mid-run: once it has posted a few more, after a random extra moment.
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> slack.received().size() >= Math.min(alerts, before + progress));
      long extraMillis = random.nextInt(150);
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(extraMillis);
      await().pollInterval(Duration.ofMillis(5)).until(() -> System.nanoTime() >= until);
      AlertingProcess.killHard(process);
      log.info("Kill {}: {} posts seen", k + 1, slack.received().size());
    }
    Process last = start(Map.of());
    await().atMost(Duration.ofSeconds(180)).until(() -> receipts().size() == alerts);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(group(), harness.topics.precursors()) == alerts);
    AlertingProcess.killHard(last);

    Map<Integer, Long> receipts = receipts();
    long duplicates = receipts.values().stream().mapToLong(n -> n - 1).sum();
    log.info(
        "{} alerts, {} hard kills, {} duplicate posts (seed {})", alerts, kills, duplicates, seed);
    assertThat(receipts).hasSize(alerts);
    // Each kill can land in the post-to-audit window of at most one alert per webhook (each
    // webhook posts one at a time), and this run has one webhook.
    assertThat(receipts.values()).allMatch(n -> n <= 2);
    assertThat(duplicates).isLessThanOrEqualTo(kills);
    List<ActionRecord> actions = harness.readAll(harness.topics.actions());
    assertThat(actions).hasSize(alerts).allMatch(a -> a.getOutcome() == ActionOutcome.SUCCEEDED);
    assertThat(actions.stream().map(ActionRecord::getIdempotencyKey).distinct()).hasSize(alerts);
  }
}
