package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each webhook has a sender of its own: a webhook whose Slack is failing holds up only its own
 * alerts (and the offsets behind them), while the other webhooks keep posting at their rate.
 */
@ExtendWith(TestBrokerExtension.class)
class ParallelWebhooksIT {

  private static final Pattern SUBJECT = Pattern.compile("par-[a-z]+-\\d");
  private static final List<String> NAMES = List.of("a", "b", "c", "stuck");

  private final AlertingHarness harness;
  private final Map<String, LocalSlackWebhook> slack = new LinkedHashMap<>();

  ParallelWebhooksIT(TestBroker broker, KafkaTestClients clients) {
    this.harness = new AlertingHarness(broker, clients, "parallel-webhooks-it", 2);
  }

  @BeforeEach
  void setUp() {
    Map<String, Object> props = harness.props;
    for (String name : NAMES) {
      LocalSlackWebhook webhook = LocalSlackWebhook.start();
      // Slack's limit: one a second per webhook, no burst.
      webhook.rateLimit(1, 1);
      slack.put(name, webhook);
    }
    props.put(AlertingConfig.WEBHOOK_NAME, "a");
    props.put(AlertingConfig.WEBHOOK_URL, slack.get("a").url().toString());
    props.put(AlertingConfig.WEBHOOKS, "b,c,stuck");
    props.put(AlertingConfig.ROUTES, "a,b,c,stuck");
    for (String name : NAMES) {
      if (!name.equals("a")) {
        props.put("alerting.slack.webhooks." + name + ".url", slack.get(name).url().toString());
      }
      props.put("alerting.route." + name + ".instances", "db-" + name);
      props.put("alerting.route." + name + ".webhooks", name);
    }
    props.put(AlertingConfig.ROUTES_UNMATCHED, "drop");
    props.put(AlertingConfig.RATE_PER_SECOND, "1");
    props.put(AlertingConfig.RATE_BURST, "1");
    props.put(AlertingConfig.RETRY_MAX_ATTEMPTS, "50");
    props.put(AlertingConfig.RETRY_INITIAL_BACKOFF_MS, "100");
    props.put(AlertingConfig.RETRY_MAX_BACKOFF_MS, "300");
    props.put(AlertingConfig.RETRY_MAX_ELAPSED_MS, "120000");
    props.put(AlertingConfig.REQUEST_TIMEOUT_MS, "2000");
  }

  @AfterEach
  void tearDown() {
    harness.close();
    slack.values().forEach(LocalSlackWebhook::close);
  }

  @Test
  void shouldKeepPostingToTheOtherWebhooksWhileOneFailsThenPostItsAlertsOnceInOrder()
      throws Exception {
    // Given: the stuck webhook answers 500; three alerts per webhook on one partition, the stuck
    // webhook's first in every round.
    slack.get("stuck").failWith(500);
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (int round = 0; round < 3; round++) {
      for (String name : List.of("stuck", "a", "b", "c")) {
        String id = "par-" + name + "-" + round;
        sent.computeIfAbsent(name, k -> new ArrayList<>()).add(id);
        var precursor =
            Samples.precursor().setId(id).setInstance("db-" + name).setCluster(null).build();
        harness.produce(harness.topics.precursors(), 0, "db-" + name, precursor);
      }
    }

    AlertingService service = harness.run(newService());

    // When the stuck webhook is still failing, the others get all of theirs.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of("a", "b", "c").stream().allMatch(n -> slack.get(n).received().size() == 3));
    assertThat(slack.get("stuck").received()).isEmpty();
    assertThat(slack.get("stuck").requestCount())
        .as("the stuck webhook was being retried")
        .isPositive();
    // The commit waits at the stuck webhook's first alert, the partition's first record.
    assertThat(harness.committed(group(), harness.topics.precursors())).isZero();
    assertThat(harness.awaitValues(harness.topics.actions(), 9))
        .allMatch(a -> a.getOutcome() == ActionOutcome.SUCCEEDED)
        .noneMatch(a -> a.getTarget().equals("stuck"));

    // Then, once it recovers, its alerts arrive once each, in order, and the commit catches up.
    slack.get("stuck").recover();
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.get("stuck").received().size() == 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(group(), harness.topics.precursors()) == 12);
    harness.stop(service);

    for (String name : NAMES) {
      assertThat(subjects(slack.get(name))).as("alerts at %s", name).isEqualTo(sent.get(name));
    }
    List<ActionRecord> actions = harness.readAll(harness.topics.actions());
    assertThat(actions).hasSize(12).allMatch(a -> a.getOutcome() == ActionOutcome.SUCCEEDED);
    assertThat(service.counters().failed()).isZero();
  }

  @Test
  void shouldPauseOnlyThePartitionWhoseNextAlertFindsItsWebhooksQueueFull() throws Exception {
    // Given: room for one queued alert per webhook; partition 0 holds three alerts for the stuck
    // webhook and then two for a; partition 1 two for b.
    harness.props.put(AlertingConfig.QUEUE_CAPACITY, "1");
    slack.get("stuck").failWith(500);
    for (int i = 0; i < 3; i++) {
      produce(0, "stuck", i);
    }
    for (int i = 0; i < 2; i++) {
      produce(0, "a", i);
      produce(1, "b", i);
    }

    AlertingService service = harness.run(newService());

    // When stuck's first alert is in flight and its second fills the queue, the third and a's
    // behind it wait on partition 0, while partition 1 goes on.
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.get("b").received().size() == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .during(Duration.ofSeconds(2))
        .until(() -> service.counters().recordsRead() == 4 && slack.get("a").received().isEmpty());

    // Then, once stuck recovers, everything arrives once, in order.
    slack.get("stuck").recover();
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.get("a").received().size() == 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(group(), harness.topics.precursors()) == 7);
    harness.stop(service);

    assertThat(subjects(slack.get("stuck")))
        .containsExactly("par-stuck-0", "par-stuck-1", "par-stuck-2");
    assertThat(subjects(slack.get("a"))).containsExactly("par-a-0", "par-a-1");
    assertThat(subjects(slack.get("b"))).containsExactly("par-b-0", "par-b-1");
    assertThat(harness.readAll(harness.topics.actions())).hasSize(7);
  }

  private void produce(int partition, String name, int i) throws Exception {
    var precursor =
        Samples.precursor()
            .setId("par-" + name + "-" + i)
            .setInstance("db-" + name)
            .setCluster(null)
            .build();
    harness.produce(harness.topics.precursors(), partition, "db-" + name, precursor);
  }

  private static List<String> subjects(LocalSlackWebhook webhook) {
    List<String> ids = new ArrayList<>();
    for (String body : webhook.received()) {
      Matcher m = SUBJECT.matcher(body);
      assertThat(m.find()).as("a posted alert names its precursor").isTrue();
      ids.add(m.group());
    }
    return ids;
  }

  private String group() {
    return harness.props.get(AlertingConfig.GROUP_ID).toString();
  }

  private AlertingService newService() {
    return new AlertingService(new AlertingConfig(harness.props), harness.topics);
  }
}
