package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.StatementKind;
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

/** Alerting against a Slack that fails: down for a while, hanging, rate limiting, then back. */
@ExtendWith(TestBrokerExtension.class)
class SlackFaultIT {

  private static final Pattern SUBJECT = Pattern.compile("fault-(ads-prod-\\d)-(\\d{2})");

  private final AlertingHarness harness;
  private LocalSlackWebhook slack;

  SlackFaultIT(TestBroker broker, KafkaTestClients clients) {
    this.harness = new AlertingHarness(broker, clients, "slack-fault-it", 2);
  }

  @BeforeEach
  void setUp() {
    slack = LocalSlackWebhook.start();
    Map<String, Object> props = harness.props;
    props.put(AlertingConfig.WEBHOOK_URL, slack.url().toString());
    props.put(AlertingConfig.WEBHOOK_NAME, "ops");
    props.put(AlertingConfig.RATE_PER_SECOND, "20");
    props.put(AlertingConfig.RATE_BURST, "5");
    props.put(AlertingConfig.RETRY_MAX_ATTEMPTS, "40");
    props.put(AlertingConfig.RETRY_INITIAL_BACKOFF_MS, "50");
    props.put(AlertingConfig.RETRY_MAX_BACKOFF_MS, "200");
    props.put(AlertingConfig.RETRY_MAX_ELAPSED_MS, "60000");
    props.put(AlertingConfig.REQUEST_TIMEOUT_MS, "300");
  }

  @AfterEach
  void tearDown() {
    harness.close();
    slack.close();
  }

  @Test
  void shouldDeliverEveryAlertOnceInOrderPerInstanceThroughAnOutageAndA429Storm() throws Exception {
    // Slack down: 500s, two hangs past the client's timeout, 503s; then a storm of 429s.
    for (int i = 0; i < 5; i++) {
      slack.enqueueResponse(500, "internal_error", Map.of());
    }
    slack.enqueueHang(Duration.ofMillis(800));
    slack.enqueueHang(Duration.ofMillis(800));
    for (int i = 0; i < 3; i++) {
      slack.enqueueResponse(503, "service_unavailable", Map.of());
    }
    for (int i = 0; i < 3; i++) {
      slack.enqueueResponse(429, "rate_limited", Map.of("Retry-After", "1"));
    }
    Map<String, List<String>> sentByInstance = new LinkedHashMap<>();
    List<Map.Entry<String, FailoverPrecursor>> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String instance = "ads-prod-" + (i % 3);
      String id = String.format("fault-%s-%02d", instance, i);
      sentByInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(id);
      records.add(Map.entry(instance, Samples.precursor().setId(id).setInstance(instance).build()));
    }
    harness.produceAll(harness.topics.precursors(), records);

    AlertingService service = harness.run(newService());

    await().atMost(Duration.ofSeconds(120)).until(() -> slack.received().size() >= 12);
    List<ActionRecord> actions = harness.awaitValues(harness.topics.actions(), 12);
    harness.stop(service);

    Map<String, List<String>> receivedByInstance = new LinkedHashMap<>();
    for (String body : slack.received()) {
      Matcher m = SUBJECT.matcher(body);
      assertThat(m.find()).isTrue();
      receivedByInstance.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group());
    }
    assertThat(slack.received()).hasSize(12);
    assertThat(receivedByInstance).isEqualTo(sentByInstance);
    assertThat(actions).hasSize(12).allMatch(a -> a.getOutcome() == ActionOutcome.SUCCEEDED);
    assertThat(actions.stream().mapToInt(ActionRecord::getAttempts).sum())
        .as("every failed answer cost an attempt")
        .isGreaterThanOrEqualTo(12 + 13);
    // After each 429 nothing reached Slack before its Retry-After of one second was up.
    List<LocalSlackWebhook.Request> requests = slack.requests();
    for (int i = 0; i < requests.size() - 1; i++) {
      if (requests.get(i).status() == 429) {
        Duration gap = Duration.between(requests.get(i).at(), requests.get(i + 1).at());
        assertThat(gap)
            .as("gap after the 429 at request %d", i)
            .isGreaterThan(Duration.ofMillis(950));
      }
    }
    assertThat(service.counters().failed()).isZero();
  }

  @Test
  void shouldPostMentionsAndLinksFromQueryTextInert() throws Exception {
    String hostile = "select * from notes where body = '<!channel> <http://x|y> & <@U123>'";
    FailoverPrecursor precursor =
        Samples.precursor()
            .setTopFingerprints(
                List.of(Samples.fingerprint(hostile, StatementKind.SELECT, 42, 1_000_000L, 3.5, 0)))
            .setSummary("<!here> summary with <http://evil|click>")
            .build();
    harness.produce(harness.topics.precursors(), 0, precursor.getInstance(), precursor);

    AlertingService service = harness.run(newService());
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.received().size() == 1);
    harness.stop(service);

    String body = slack.received().get(0);
    assertThat(body)
        .doesNotContain("<!channel>", "<http://x|y>", "<!here>", "<http://evil|click>", "<@U123>")
        .contains("&lt;!channel&gt;", "&lt;http://x|y&gt;", "&lt;!here&gt;", "&amp;");
  }

  private AlertingService newService() {
    return new AlertingService(new AlertingConfig(harness.props), harness.topics);
  }
}
