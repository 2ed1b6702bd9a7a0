package io.precursor.alerting.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static final AlertSubject BULK_CRITICAL =
      new AlertSubject(
          "ads-prod-1/BULK_DML_MEMORY_PRESSURE/t",
          "BULK_DML_MEMORY_PRESSURE",
          Severity.CRITICAL,
          "ads-prod",
          "ads-prod-1");
  private static final AlertSubject SCAN_WARNING =
      new AlertSubject(
          "billing-1/FULL_SCAN_STORM/t", "FULL_SCAN_STORM", Severity.WARNING, null, "billing-1");
  private static final AlertSubject INCIDENT =
      new AlertSubject("ads-prod/failover/t", "INCIDENT", Severity.CRITICAL, "ads-prod", null);

  private static RouteRule rule(
      String name,
      Set<String> kinds,
      Set<Severity> severities,
      List<String> clusters,
      List<String> instances,
      List<String> webhooks,
      boolean snapshot) {
    return new RouteRule(
        name,
        kinds,
        severities,
        clusters.stream().map(NamePattern::of).toList(),
        instances.stream().map(NamePattern::of).toList(),
        webhooks,
        snapshot);
  }

  private static Set<String> allKinds() {
    Set<String> kinds = new LinkedHashSet<>();
    for (PrecursorKind kind : PrecursorKind.values()) {
      kinds.add(kind.name());
    }
    kinds.add(AlertSubject.INCIDENT);
    return kinds;
  }

  @Test
  void shouldSendEverythingToTheDefaultWebhookWithoutSnapshotsWhenThereAreNoRules() {
    Routing routing = Routing.everythingTo("slack");

    for (AlertSubject subject : List.of(BULK_CRITICAL, SCAN_WARNING, INCIDENT)) {
      assertThat(routing.route(subject)).isEqualTo(new Route(List.of("slack"), false, List.of()));
    }
  }

  @Test
  void shouldAddTheWebhooksAndSnapshotOfEveryMatchingRuleOnce() {
    Routing routing =
        new Routing(
            List.of(
                rule(
                    "critical",
                    Set.of(),
                    Set.of(Severity.CRITICAL),
                    List.of(),
                    List.of(),
                    List.of("pager", "dba"),
                    false),
                rule("ads", Set.of(), Set.of(), List.of("ads-*"), List.of(), List.of("dba"), true)),
            "slack",
            true);

    assertThat(routing.route(BULK_CRITICAL))
        .isEqualTo(new Route(List.of("pager", "dba"), true, List.of("critical", "ads")));
    assertThat(routing.route(INCIDENT))
        .isEqualTo(new Route(List.of("pager", "dba"), true, List.of("critical", "ads")));
    // Matches no rule: the default webhook, no snapshot.
    assertThat(routing.route(SCAN_WARNING))
        .isEqualTo(new Route(List.of("slack"), false, List.of()));
  }

  @Test
  void shouldMatchKindsInstancesAndAPlainInstanceWithoutCluster() {
    RouteRule scans =
        rule(
            "scans",
            Set.of("FULL_SCAN_STORM"),
            Set.of(),
            List.of(),
            List.of("billing-?"),
            List.of("dba"),
            false);
    RouteRule anyCluster =
        rule("clustered", Set.of(), Set.of(), List.of("*"), List.of(), List.of("ops"), false);

    assertThat(scans.matches(SCAN_WARNING)).isTrue();
    assertThat(scans.matches(BULK_CRITICAL)).isFalse();
    // A plain RDS instance has no cluster, so a cluster filter, even "*", leaves it out.
    assertThat(anyCluster.matches(SCAN_WARNING)).isFalse();
    assertThat(anyCluster.matches(BULK_CRITICAL)).isTrue();
  }

  @Test
  void shouldDropWhatNoRuleMatchesWhenToldTo() {
    Routing routing =
        new Routing(
            List.of(
                rule(
                    "incidents",
                    Set.of("INCIDENT"),
                    Set.of(),
                    List.of(),
                    List.of(),
                    List.of("pager"),
                    false)),
            "slack",
            false);

    assertThat(routing.route(SCAN_WARNING).webhooks()).isEmpty();
    assertThat(routing.route(INCIDENT).webhooks()).containsExactly("pager");
  }

  @Test
  void shouldNameEachRuleThatCanMatchNothingWithTheReason() {
    Routing routing =
        new Routing(
            List.of(
                rule("fine", Set.of(), Set.of(), List.of("ads-*"), List.of(), List.of("s"), false),
                rule(
                    "typo-case",
                    Set.of(),
                    Set.of(),
                    List.of("Ads-Prod"),
                    List.of(),
                    List.of("s"),
                    false),
                rule(
                    "too-quiet",
                    Set.of(),
                    Set.of(Severity.INFO),
                    List.of(),
                    List.of(),
                    List.of("s"),
                    false),
                rule(
                    "no-incidents",
                    Set.of("INCIDENT"),
                    Set.of(),
                    List.of(),
                    List.of(),
                    List.of("s"),
                    false),
                rule(
                    "bad-instance",
                    Set.of(),
                    Set.of(),
                    List.of(),
                    List.of("db_1"),
                    List.of("s"),
                    false)),
            "slack",
            true);
    Set<String> withoutIncidents = allKinds();
    withoutIncidents.remove(AlertSubject.INCIDENT);

    List<String> problems = routing.rulesThatMatchNothing(withoutIncidents, Severity.WARNING);

    assertThat(problems).hasSize(4);
    assertThat(problems.get(0))
        .startsWith("routing rule 'typo-case' matches nothing")
        .contains("Ads-Prod", "lower-case");
    assertThat(problems.get(1)).startsWith("routing rule 'too-quiet'").contains("WARNING");
    assertThat(problems.get(2)).startsWith("routing rule 'no-incidents'").contains("INCIDENT");
    assertThat(problems.get(3)).startsWith("routing rule 'bad-instance'").contains("db_1");
    assertThat(routing.rulesThatMatchNothing(allKinds(), Severity.INFO))
        .hasSize(2)
        .allMatch(p -> p.contains("typo-case") || p.contains("bad-instance"));
  }

  @Test
  void shouldMatchGlobsOnTheWholeName() {
    assertThat(NamePattern.of("ads-*").matches("ads-prod")).isTrue();
    assertThat(NamePattern.of("ads-*").matches("my-ads-prod")).isFalse();
    assertThat(NamePattern.of("ads-prod-?").matches("ads-prod-12")).isFalse();
    assertThat(NamePattern.of("a.b").matches("axb")).isFalse();
    assertThat(NamePattern.of("ads-*").matches(null)).isFalse();
  }
}
