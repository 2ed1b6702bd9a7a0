package io.precursor.alerting.snapshot;

import io.precursor.schemas.ActionOutcome;
import java.time.Instant;

/**
 * Takes one snapshot through the guards: the allowlist, the per-cluster daily cap, then the dry
 * run; only then asks RDS, treating "already exists" as done and a failing-over cluster as "later".
 */
public final class SnapshotAction {

  /**
   * Where one attempt left the snapshot.
   *
   * @param outcome what to record, or null when RDS refused for now and it must be asked again
   * @param detail why, free of secrets
   */
  public record Step(ActionOutcome outcome, String detail) {
    public boolean retryLater() {
      return outcome == null;
    }
  }

  private final SnapshotSettings settings;
  private final SnapshotBudget budget;
  private final RdsSnapshots rds;

  public SnapshotAction(SnapshotSettings settings, SnapshotBudget budget, RdsSnapshots rds) {
    this.settings = settings;
    this.budget = budget;
    this.rds = rds;
  }

  /**
   * Makes attempt {@code attempt} (1 for the first) at {@code request}; the guards are checked on
   * the first attempt only, so a snapshot waiting out a failover keeps the place it was given.
   */
  public Step attempt(SnapshotRequest request, int attempt, Instant now) {
    if (attempt == 1) {
      if (!settings.allows(request.resource())) {
        return new Step(
            ActionOutcome.SKIPPED,
            request.resource() + " is not on the snapshot allowlist (alerting.snapshot.allowlist)");
      }
      if (!budget.allows(request.resource(), now)) {
        return new Step(
            ActionOutcome.SKIPPED,
            request.resource()
                + " already had "
                + budget.dailyCap()
                + " snapshots today (alerting.snapshot.daily.cap)");
      }
      if (!settings.enabled()) {
        budget.spend(request.resource(), now);
        return new Step(
            ActionOutcome.DRY_RUN,
            "dry run (alerting.snapshot.enabled=false): would create "
                + request.identifier()
                + " of "
                + request.resource());
      }
    }
    SnapshotResult result = rds.create(request);
    return switch (result.status()) {
      case CREATED -> {
        budget.spend(request.resource(), now);
        yield new Step(ActionOutcome.SUCCEEDED, null);
      }
      case ALREADY_EXISTS -> {
        budget.spend(request.resource(), now);
        yield new Step(ActionOutcome.ALREADY_DONE, result.detail());
      }
      case RETRY_LATER -> new Step(null, result.detail());
      case FAILED -> new Step(ActionOutcome.FAILED, result.detail());
    };
  }
}
