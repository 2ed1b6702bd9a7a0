package io.precursor.alerting.route;

import java.util.List;

/**
 * Where one alert goes.
 *
 * @param webhooks names of the Slack webhooks to post to, each once, in rule order
 * @param snapshot whether an RDS snapshot is taken
 * @param rules names of the rules that matched; empty when the unmatched default applied
 */
public record Route(List<String> webhooks, boolean snapshot, List<String> rules) {

  public Route {
    webhooks = List.copyOf(webhooks);
    rules = List.copyOf(rules);
  }
}
