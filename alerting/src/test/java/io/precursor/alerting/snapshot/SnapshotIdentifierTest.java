package io.precursor.alerting.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotIdentifierTest {

  @Test
  void shouldDeriveTheSameReadableIdentifierFromTheSameId() {
    String id = "ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-11-17T09:12:00Z";

    String identifier = SnapshotIdentifier.of(id);

    assertThat(identifier).isEqualTo(SnapshotIdentifier.of(id));
    assertThat(identifier).startsWith("precursor-ads-prod-1-bulk-dml-memory-pressure-2026-");
    assertThat(identifier).matches("precursor-[a-z0-9-]+-[0-9a-f]{8}");
    assertThat(SnapshotIdentifier.isValid(identifier)).isTrue();
  }

  @Test
  void shouldFollowRdsNamingRulesForAwkwardIds() {
    List<String> ids =
        List.of(
            "x",
            "9",
            "---",
            "--a--b--",
            "ÄÖÜ/über",
            "a".repeat(500),
            "ads-prod/failover/2026-11-17T09:47:31.274Z",
            "Cluster_With.Dots and spaces-",
            "0-leading-digit-" + "b".repeat(60) + "-");

    for (String id : ids) {
      String identifier = SnapshotIdentifier.of(id);
      assertThat(SnapshotIdentifier.isValid(identifier)).as(id + " -> " + identifier).isTrue();
      assertThat(identifier.length()).isLessThanOrEqualTo(SnapshotIdentifier.MAX_LENGTH);
      assertThat(identifier).doesNotContain("--").doesNotEndWith("-");
    }
  }

  @Test
  void shouldKeepIdsApartThatDifferOnlyPastTheCut() {
    String common = "ads-prod-1/BULK_DML_MEMORY_PRESSURE/" + "x".repeat(40);
    Set<String> identifiers = new HashSet<>();

    for (int i = 0; i < 100; i++) {
      identifiers.add(SnapshotIdentifier.of(common + i));
    }

    assertThat(identifiers).hasSize(100);
  }

  @Test
  void shouldRejectIdentifiersBreakingTheRules() {
    assertThat(SnapshotIdentifier.isValid("1abc")).isFalse();
    assertThat(SnapshotIdentifier.isValid("a--b")).isFalse();
    assertThat(SnapshotIdentifier.isValid("ab-")).isFalse();
    assertThat(SnapshotIdentifier.isValid("a_b")).isFalse();
    assertThat(SnapshotIdentifier.isValid("a".repeat(64))).isFalse();
  }
}
