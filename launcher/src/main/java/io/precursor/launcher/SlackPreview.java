package io.precursor.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a Slack Block Kit payload as the plain text a person would read in the channel. */
final class SlackPreview {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackPreview() {}

  static String render(String payload, String indent) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode block : root.path("blocks")) {
      switch (block.path("type").asText()) {
        case "header" -> line(out, indent, "*" + text(block.path("text")) + "*");
        case "section" -> {
          if (block.has("text")) {
            line(out, indent, text(block.path("text")));
          }
          for (JsonNode field : block.path("fields")) {
            line(out, indent, "  " + text(field).replace("\n", " "));
          }
        }
        case "context" -> {
          for (JsonNode element : block.path("elements")) {
            line(out, indent, text(element));
          }
        }
        case "divider" -> line(out, indent, "----");
        default -> {}
      }
    }
    if (out.isEmpty()) {
      line(out, indent, root.path("text").asText());
    }
    return out.toString();
  }

  private static String text(JsonNode textObject) {
    // Slack shows &amp; &lt; &gt; as the characters they escape.
    return textObject
        .path("text")
        .asText()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static void line(StringBuilder out, String indent, String text) {
    for (String l : text.split("\n", -1)) {
      out.append(indent).append(l).append('\n');
    }
  }
}
