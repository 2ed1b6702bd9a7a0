package io.precursor.alerting.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.alerting.route.NamePattern;
import io.precursor.schemas.ActionOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotActionTest {

  private static final Instant MORNING = Instant.parse("2026-11-17T09:00:00Z");

  // Nothing listens there: a test that reached RDS would get RETRY_LATER, not what it asserts.
  private final RdsSnapshots nowhere =
      RdsSnapshots.connect(Optional.of("eu-west-1"), Optional.of(URI.create("http://127.0.0.1:9")));

  private static SnapshotSettings dryRun(String allow, int cap) {
    return new SnapshotSettings(
        false, List.of(NamePattern.of(allow)), cap, Duration.ofSeconds(30), Duration.ofHours(1));
  }

  private static SnapshotRequest request(String subject, String cluster) {
    return new SnapshotRequest(
        subject,
        "BULK_DML_MEMORY_PRESSURE",
        SnapshotRequest.Scope.CLUSTER,
        cluster,
        SnapshotIdentifier.of(subject));
  }

  @Test
  void shouldRecordADryRunWithoutCallingRds() {
    SnapshotAction action = new SnapshotAction(dryRun("ads-*", 3), new SnapshotBudget(3), nowhere);

    SnapshotAction.Step step = action.attempt(request("p1", "ads-prod"), 1, MORNING);

    assertThat(step.outcome()).isEqualTo(ActionOutcome.DRY_RUN);
    assertThat(step.detail()).contains("would create precursor-p1-", "of ads-prod");
  }

  @Test
  void shouldSkipAClusterOffTheAllowlist() {
    SnapshotAction action = new SnapshotAction(dryRun("ads-*", 3), new SnapshotBudget(3), nowhere);

    SnapshotAction.Step step = action.attempt(request("p1", "billing-prod"), 1, MORNING);

    assertThat(step.outcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(step.detail()).contains("billing-prod", "allowlist");
  }

  @Test
  void shouldSkipPastTheDailyCapPerClusterAndStartAfreshTheNextUtcDay() {
    SnapshotBudget budget = new SnapshotBudget(2);
    SnapshotAction action = new SnapshotAction(dryRun("*", 2), budget, nowhere);

    assertThat(action.attempt(request("p1", "ads-prod"), 1, MORNING).outcome())
        .isEqualTo(ActionOutcome.DRY_RUN);
    assertThat(action.attempt(request("p2", "ads-prod"), 1, MORNING).outcome())
        .isEqualTo(ActionOutcome.DRY_RUN);
    SnapshotAction.Step third = action.attempt(request("p3", "ads-prod"), 1, MORNING);
    // Another cluster has its own cap; the next UTC day starts at zero.
    SnapshotAction.Step other = action.attempt(request("p4", "ads-test"), 1, MORNING);
    SnapshotAction.Step tomorrow =
        action.attempt(request("p5", "ads-prod"), 1, Instant.parse("2026-11-18T00:00:01Z"));

    assertThat(third.outcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(third.detail()).contains("ads-prod already had 2 snapshots today");
    assertThat(other.outcome()).isEqualTo(ActionOutcome.DRY_RUN);
    assertThat(tomorrow.outcome()).isEqualTo(ActionOutcome.DRY_RUN);
  }
}
