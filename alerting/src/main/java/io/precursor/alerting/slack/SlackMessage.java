package io.precursor.alerting.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of one incoming-webhook post: Block Kit blocks and the one-line {@code text} that
 * notifications and old clients show.
 *
 * @param text escaped mrkdwn fallback, at most {@link SlackText#FALLBACK_TEXT_MAX} chars
 * @param blocks at most {@link SlackText#MAX_BLOCKS} blocks; extra ones are replaced by a note
 */
public record SlackMessage(String text, List<Block> blocks) {

  // Thread-safe once configured; never reconfigured.
  private static final ObjectMapper JSON = new ObjectMapper();

  public SlackMessage {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a Slack message needs a fallback text");
    }
    text = SlackText.truncate(text, SlackText.FALLBACK_TEXT_MAX);
    blocks = withinBlockLimit(blocks);
  }

  /** The webhook payload. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Slack message as JSON", e);
    }
  }

  private static List<Block> withinBlockLimit(List<Block> blocks) {
    if (blocks.size() <= SlackText.MAX_BLOCKS) {
      return List.copyOf(blocks);
    }
    int kept = SlackText.MAX_BLOCKS - 1;
    List<Block> cut = new ArrayList<>(blocks.subList(0, kept));
    cut.add(Block.Context.of("_" + (blocks.size() - kept) + " more blocks left out_"));
    return List.copyOf(cut);
  }
}
