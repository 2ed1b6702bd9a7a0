package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.IncidentState;
import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {

  private final AlertPolicy policy = new AlertPolicy(Severity.WARNING);

  @Test
  void shouldPostPrecursorsAtOrAboveTheMinimumSeverity() {
    assertThat(policy.forPrecursor(Samples.precursor().setSeverity(Severity.INFO).build()))
        .isEmpty();
    assertThat(policy.forPrecursor(Samples.precursor().setSeverity(Severity.WARNING).build()))
        .isPresent();
    assertThat(policy.forPrecursor(Samples.precursor().setSeverity(Severity.CRITICAL).build()))
        .isPresent();
  }

  @Test
  void shouldKeyAPrecursorAlertBySubjectSeverityAndTarget() {
    Alert warning =
        policy
            .forPrecursor(Samples.precursor().setSeverity(Severity.WARNING).build())
            .orElseThrow()
            .to("ops");
    Alert critical = policy.forPrecursor(Samples.precursor().build()).orElseThrow().to("ops");

    assertThat(warning.subjectId())
        .isEqualTo("ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-03-03T09:12:00Z");
    assertThat(warning.idempotencyKey())
        .isEqualTo("ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-03-03T09:12:00Z|WARNING|ops");
    assertThat(critical.idempotencyKey()).isNotEqualTo(warning.idempotencyKey());
  }

  @Test
  void shouldKeyAnIncidentAlertByState() {
    Alert started = policy.forIncident(Samples.incident().build()).orElseThrow().to("ops");
    Alert completed =
        policy
            .forIncident(Samples.incident().setState(IncidentState.FAILOVER_COMPLETED).build())
            .orElseThrow()
            .to("ops");

    assertThat(started.idempotencyKey())
        .isEqualTo("ads-prod/2026-03-03T09:50:00Z|FAILOVER_STARTED|ops");
    assertThat(completed.idempotencyKey()).endsWith("|FAILOVER_COMPLETED|ops");
  }
}
