package io.precursor.alerting.route;

import io.precursor.schemas.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing rules in their configured order: every rule that matches an alert adds its webhooks
 * (and its snapshot); an alert no rule matches goes to the default webhook, or nowhere.
 */
public final class Routing {

  private final List<RouteRule> rules;
  private final String defaultWebhook;
  private final boolean postUnmatched;

  /**
   * @param defaultWebhook the webhook an alert no rule matches goes to
   * @param postUnmatched false to drop such alerts instead
   */
  public Routing(List<RouteRule> rules, String defaultWebhook, boolean postUnmatched) {
    this.rules = List.copyOf(rules);
    this.defaultWebhook = defaultWebhook;
    this.postUnmatched = postUnmatched;
  }

  /** Everything to the default webhook, no snapshot: what alerting does without rules. */
  public static Routing everythingTo(String defaultWebhook) {
    return new Routing(List.of(), defaultWebhook, true);
  }

  public List<RouteRule> rules() {
    return rules;
  }

  /** Where {@code subject} goes. */
  public Route route(AlertSubject subject) {
    Set<String> webhooks = new LinkedHashSet<>();
    List<String> matched = new ArrayList<>();
    boolean snapshot = false;
    for (RouteRule rule : rules) {
      if (rule.matches(subject)) {
        matched.add(rule.name());
        webhooks.addAll(rule.webhooks());
        snapshot |= rule.snapshot();
      }
    }
    if (matched.isEmpty() && postUnmatched) {
      webhooks.add(defaultWebhook);
    }
    return new Route(List.copyOf(webhooks), snapshot, matched);
  }

  /**
   * The rules that can never match what alerting posts, each with the reason: reported at start-up
   * because such a rule is almost always a typo.
   *
   * @param postedKinds every kind alerting may post (precursor kinds, and INCIDENT when incidents
   *     are posted)
   * @param minSeverity the least severe precursor that is posted
   */
  public List<String> rulesThatMatchNothing(Set<String> postedKinds, Severity minSeverity) {
    List<String> problems = new ArrayList<>();
    for (RouteRule rule : rules) {
      String reason = whyNothingMatches(rule, postedKinds, minSeverity);
      if (reason != null) {
        problems.add("routing rule '" + rule.name() + "' matches nothing: " + reason);
      }
    }
    return problems;
  }

  private static String whyNothingMatches(
      RouteRule rule, Set<String> postedKinds, Severity minSeverity) {
    Set<String> kinds = new HashSet<>(rule.kinds().isEmpty() ? postedKinds : rule.kinds());
    kinds.retainAll(postedKinds);
    if (kinds.isEmpty()) {
      return "none of its kinds " + rule.kinds() + " is posted (posted: " + postedKinds + ")";
    }
    Set<Severity> posted = EnumSet.noneOf(Severity.class);
    for (Severity s : Severity.values()) {
      if (s.ordinal() >= minSeverity.ordinal()) {
        posted.add(s);
      }
    }
    if (!rule.severities().isEmpty()) {
      Set<Severity> severities = EnumSet.copyOf(rule.severities());
      severities.retainAll(posted);
      // Incidents count as CRITICAL, which is always posted: an empty overlap excludes them too.
      if (severities.isEmpty()) {
        return "its severities "
            + rule.severities()
            + " are all below the minimum posted severity "
            + minSeverity;
      }
      if (kinds.equals(Set.of(AlertSubject.INCIDENT))
          && !rule.severities().contains(Severity.CRITICAL)) {
        return "it matches only incidents, which count as CRITICAL, but not CRITICAL";
      }
    }
    if (!rule.clusters().isEmpty()
        && rule.clusters().stream().noneMatch(NamePattern::canMatchAnRdsIdentifier)) {
      return "no RDS cluster can match "
          + rule.clusters()
          + " (identifiers are lower-case letters, digits and hyphens)";
    }
    if (!rule.instances().isEmpty()
        && rule.instances().stream().noneMatch(NamePattern::canMatchAnRdsIdentifier)) {
      return "no RDS instance can match "
          + rule.instances()
          + " (identifiers are lower-case letters, digits and hyphens)";
    }
    return null;
  }
}
