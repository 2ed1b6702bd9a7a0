package io.precursor.alerting;

import io.precursor.alerting.slack.SlackMessage;

/**
 * One message alerting means to post.
 *
 * @param subjectId the precursor or incident id
 * @param idempotencyKey names the post so it is made once
 * @param message what Slack will show
 */
public record Alert(String subjectId, String idempotencyKey, SlackMessage message) {}
