package io.precursor.alerting.route;

import io.precursor.schemas.Severity;
import java.util.List;
import java.util.Set;

/**
 * One routing rule: which alerts it matches (every filter must hold; an empty filter holds for all)
 * and what it does with them.
 *
 * @param name the rule's name in the configuration, used in warnings
 * @param kinds precursor kind names and/or {@link AlertSubject#INCIDENT}; empty for any kind
 * @param severities the severities it matches; empty for any
 * @param clusters cluster name patterns, one of which must match; empty for any cluster
 * @param instances instance name patterns, one of which must match; empty for any instance
 * @param webhooks names of the Slack webhooks to post to
 * @param snapshot whether to take an RDS snapshot of the alert's cluster (or plain instance)
 */
public record RouteRule(
    String name,
    Set<String> kinds,
    Set<Severity> severities,
    List<NamePattern> clusters,
    List<NamePattern> instances,
    List<String> webhooks,
    boolean snapshot) {

  public RouteRule {
    kinds = Set.copyOf(kinds);
    severities = Set.copyOf(severities);
    clusters = List.copyOf(clusters);
    instances = List.copyOf(instances);
    webhooks = List.copyOf(webhooks);
  }

  /** Whether every filter of this rule holds for {@code subject}. */
  public boolean matches(AlertSubject subject) {
    return (kinds.isEmpty() || kinds.contains(subject.kind()))
        && (severities.isEmpty() || severities.contains(subject.severity()))
        && anyMatches(clusters, subject.cluster())
        && anyMatches(instances, subject.instance());
  }

  private static boolean anyMatches(List<NamePattern> patterns, String name) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matches(name));
  }
}
