package io.precursor.alerting.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A Block Kit text object, {@code mrkdwn} or {@code plain_text}.
 *
 * @param type {@code mrkdwn} or {@code plain_text}
 * @param text the text, already escaped when mrkdwn
 * @param emoji whether {@code :emoji:} codes render in plain text; null for mrkdwn
 */
@JsonPropertyOrder({"type", "text", "emoji"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextObject(String type, String text, Boolean emoji) {

  /** Escaped mrkdwn text, cut to {@code maxChars} as a last guard. */
  public static TextObject mrkdwn(String escaped, int maxChars) {
    return new TextObject("mrkdwn", SlackText.truncate(escaped, maxChars), null);
  }

  /** Plain text with emoji codes, cut to {@code maxChars}. */
  public static TextObject plain(String text, int maxChars) {
    return new TextObject("plain_text", SlackText.truncatePlain(text, maxChars), true);
  }
}
