package io.precursor.alerting.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.alerting.AlertingConfig;
import io.precursor.alerting.AlertingHarness;
import io.precursor.alerting.AlertingService;
import io.precursor.alerting.Samples;
import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.schemas.ActionOutcome;
import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.ActionType;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.TestAwsCredentials;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Snapshots through the real SDK client against a local server speaking RDS's Query protocol. */
@ExtendWith(TestBrokerExtension.class)
class SnapshotActionIT {

  private final AlertingHarness harness;
  private LocalRds rds;
  private LocalSlackWebhook slack;

  SnapshotActionIT(TestBroker broker, KafkaTestClients clients) {
    this.harness = new AlertingHarness(broker, clients, "snapshot-it", 2);
  }

  @BeforeEach
  void setUp() {
    rds = new LocalRds();
    rds.add(new LocalRds.Cluster("ads-prod", "aurora-mysql", List.of(), Map.of()));
    rds.add(new LocalRds.Instance("reports-1", null, "mysql", Map.of()));
    slack = LocalSlackWebhook.start();
    Map<String, Object> props = harness.props;
    props.put(AlertingConfig.WEBHOOK_URL, slack.url().toString());
    props.put(AlertingConfig.WEBHOOK_NAME, "ops");
    props.put(AlertingConfig.AWS_REGION, "eu-west-1");
    props.put(AlertingConfig.AWS_RDS_ENDPOINT, rds.endpoint().toString());
    props.put(AlertingConfig.ROUTES, "critical");
    props.put("alerting.route.critical.severities", "CRITICAL");
    props.put("alerting.route.critical.webhooks", "ops");
    props.put("alerting.route.critical.snapshot", "true");
    props.put(AlertingConfig.SNAPSHOT_ENABLED, "true");
    props.put(AlertingConfig.SNAPSHOT_ALLOWLIST, "ads-*,reports-*");
    props.put(AlertingConfig.SNAPSHOT_RETRY_BACKOFF_MS, "200");
  }

  @AfterEach
  void tearDown() {
    harness.close();
    rds.close();
    slack.close();
  }

  private AlertingService start(Map<String, Object> props) {
    return harness.run(
        new AlertingService(
            new AlertingConfig(props), harness.topics, TestAwsCredentials.PROVIDER));
  }

  private Map<String, Object> newGroup() {
    Map<String, Object> props = new HashMap<>(harness.props);
    props.put(AlertingConfig.GROUP_ID, UniqueNames.groupId("snapshot-again"));
    return props;
  }

  @Test
  void shouldSnapshotTheClusterOrPlainInstanceOnceTaggedAndNeverAgainAfterARestart()
      throws Exception {
    FailoverPrecursor aurora = Samples.precursor().build();
    FailoverPrecursor plain =
        Samples.precursor()
            .setId("reports-1/FULL_SCAN_STORM/2026-03-03T09:12:00Z")
            .setInstance("reports-1")
            .setCluster(null)
            .build();
    harness.produce(harness.topics.precursors(), 0, aurora.getInstance(), aurora);
    harness.produce(harness.topics.precursors(), 0, plain.getInstance(), plain);

    AlertingService first = start(harness.props);
    List<ActionRecord> actions = harness.awaitValues(harness.topics.actions(), 4);
    harness.stop(first);

    assertThat(rds.snapshots())
        .containsExactly(
            new LocalRds.Snapshot(
                true,
                SnapshotIdentifier.of(aurora.getId()),
                "ads-prod",
                Map.of(
                    "precursor:id", aurora.getId(), "precursor:kind", "BULK_DML_MEMORY_PRESSURE")),
            new LocalRds.Snapshot(
                false,
                SnapshotIdentifier.of(plain.getId()),
                "reports-1",
                Map.of(
                    "precursor:id", plain.getId(), "precursor:kind", "BULK_DML_MEMORY_PRESSURE")));
    List<ActionRecord> snapshots =
        actions.stream().filter(a -> a.getAction() != ActionType.SLACK_MESSAGE).toList();
    assertThat(snapshots)
        .extracting(
            ActionRecord::getAction,
            ActionRecord::getOutcome,
            ActionRecord::getResource,
            ActionRecord::getTarget)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ActionType.CLUSTER_SNAPSHOT,
                ActionOutcome.SUCCEEDED,
                "ads-prod",
                SnapshotIdentifier.of(aurora.getId())),
            org.assertj.core.groups.Tuple.tuple(
                ActionType.INSTANCE_SNAPSHOT,
                ActionOutcome.SUCCEEDED,
                "reports-1",
                SnapshotIdentifier.of(plain.getId())));

    // Offsets lost: the actions topic alone keeps both the posts and the snapshots from repeating.
    AlertingService second = start(newGroup());
    await().atMost(Duration.ofSeconds(60)).until(() -> second.counters().recordsRead() == 2);
    harness.stop(second);
    assertThat(second.counters().duplicatesSkipped()).isEqualTo(4);
    assertThat(rds.calls("CreateDBClusterSnapshot")).hasSize(1);
    assertThat(rds.calls("CreateDBSnapshot")).hasSize(1);
    assertThat(slack.received()).hasSize(2);
    assertThat(rds.protocolProblems()).isEmpty();
  }

  @Test
  void shouldCountAnExistingSnapshotAsDoneWhenAnEarlierRunMadeItButDidNotRecordIt()
      throws Exception {
    FailoverPrecursor precursor = Samples.precursor().build();
    // A run that crashed after RDS accepted the request and before the audit record.
    RdsSnapshots earlier =
        RdsSnapshots.connect(
            Optional.of("eu-west-1"), Optional.of(rds.endpoint()), TestAwsCredentials.PROVIDER);
    SnapshotRequest request =
        SnapshotRequest.of(io.precursor.alerting.route.AlertSubject.of(precursor)).orElseThrow();
    assertThat(earlier.create(request).status()).isEqualTo(SnapshotResult.Status.CREATED);
    earlier.close();
    harness.produce(harness.topics.precursors(), 0, precursor.getInstance(), precursor);

    AlertingService service = start(harness.props);
    List<ActionRecord> actions = harness.awaitValues(harness.topics.actions(), 2);
    harness.stop(service);

    ActionRecord snapshot =
        actions.stream()
            .filter(a -> a.getAction() == ActionType.CLUSTER_SNAPSHOT)
            .findFirst()
            .orElseThrow();
    assertThat(snapshot.getOutcome()).isEqualTo(ActionOutcome.ALREADY_DONE);
    assertThat(snapshot.getDetail()).startsWith("DBClusterSnapshotAlreadyExistsFault");
    assertThat(rds.snapshots()).hasSize(1);
  }

  @Test
  void shouldRetryAFailingOverClusterLaterWhilePostingToSlackAtOnce() throws Exception {
    rds.failOver("ads-prod", 3);
    FailoverPrecursor precursor = Samples.precursor().build();
    FailoverPrecursor next =
        Samples.precursor()
            .setId("ads-prod-1/FULL_SCAN_STORM/later")
            .setSeverity(io.precursor.schemas.Severity.WARNING)
            .build();
    harness.produce(harness.topics.precursors(), 0, precursor.getInstance(), precursor);
    harness.produce(harness.topics.precursors(), 0, next.getInstance(), next);

    AlertingService service = start(harness.props);

    // Both Slack posts go out while the snapshot waits for the failover to end.
    await().atMost(Duration.ofSeconds(60)).until(() -> slack.received().size() == 2);
    await().atMost(Duration.ofSeconds(60)).until(() -> rds.snapshots().size() == 1);
    List<ActionRecord> actions = harness.awaitValues(harness.topics.actions(), 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.committed(groupOf(harness.props), harness.topics.precursors()) == 2);
    harness.stop(service);

    ActionRecord snapshot =
        actions.stream()
            .filter(a -> a.getAction() == ActionType.CLUSTER_SNAPSHOT)
            .findFirst()
            .orElseThrow();
    assertThat(snapshot.getOutcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(snapshot.getAttempts()).isEqualTo(4);
    assertThat(service.counters().snapshotsDeferred()).isEqualTo(3);
    assertThat(rds.calls("CreateDBClusterSnapshot")).hasSize(4);
  }

  @Test
  void shouldOnlyRecordADryRunSkipOffTheAllowlistAndKeepTheDailyCapAcrossRestarts()
      throws Exception {
    Map<String, Object> props = harness.props;
    props.remove(AlertingConfig.SNAPSHOT_ENABLED);
    props.put(AlertingConfig.SNAPSHOT_ALLOWLIST, "ads-*");
    props.put(AlertingConfig.SNAPSHOT_DAILY_CAP, "1");
    FailoverPrecursor first = Samples.precursor().setId("ads-prod-1/a").build();
    FailoverPrecursor second = Samples.precursor().setId("ads-prod-1/b").build();
    FailoverPrecursor offList =
        Samples.precursor()
            .setId("billing-1/c")
            .setCluster("billing")
            .setInstance("billing-1")
            .build();
    harness.produce(harness.topics.precursors(), 0, "ads-prod-1", first);
    harness.produce(harness.topics.precursors(), 0, "ads-prod-1", second);
    harness.produce(harness.topics.precursors(), 0, "billing-1", offList);

    AlertingService service = start(props);
    List<ActionRecord> actions = harness.awaitValues(harness.topics.actions(), 6);
    harness.stop(service);

    Map<String, ActionRecord> bySubject = new HashMap<>();
    actions.stream()
        .filter(a -> a.getAction() != ActionType.SLACK_MESSAGE)
        .forEach(a -> bySubject.put(a.getSubjectId(), a));
    assertThat(bySubject.get("ads-prod-1/a").getOutcome()).isEqualTo(ActionOutcome.DRY_RUN);
    assertThat(bySubject.get("ads-prod-1/b").getOutcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(bySubject.get("ads-prod-1/b").getDetail()).contains("daily.cap");
    assertThat(bySubject.get("billing-1/c").getOutcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(bySubject.get("billing-1/c").getDetail()).contains("allowlist");
    assertThat(rds.calls()).isEmpty();

    // A restart reads the cap back from the actions topic: today's one snapshot is spent.
    FailoverPrecursor third = Samples.precursor().setId("ads-prod-1/c").build();
    harness.produce(harness.topics.precursors(), 0, "ads-prod-1", third);
    AlertingService again = start(props);
    List<ActionRecord> after = harness.awaitValues(harness.topics.actions(), 8);
    harness.stop(again);
    ActionRecord capped =
        after.stream()
            .filter(a -> a.getSubjectId().equals("ads-prod-1/c"))
            .filter(a -> a.getAction() == ActionType.CLUSTER_SNAPSHOT)
            .findFirst()
            .orElseThrow();
    assertThat(capped.getOutcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(rds.calls()).isEmpty();
  }

  private static String groupOf(Map<String, Object> props) {
    return props.get(AlertingConfig.GROUP_ID).toString();
  }
}
