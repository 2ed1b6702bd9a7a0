package io.precursor.alerting.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One Block Kit layout block of the kinds Precursor's messages use. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Block.Header.class),
  @JsonSubTypes.Type(Block.Section.class),
  @JsonSubTypes.Type(Block.Context.class)
})
public sealed interface Block {

  /** Most fields in one section. */
  int MAX_SECTION_FIELDS = 10;

  /** Most elements in one context block. */
  int MAX_CONTEXT_ELEMENTS = 10;

  /** A large plain-text title. */
  @JsonTypeName("header")
  record Header(TextObject text) implements Block {
    public Header {
      if (!"plain_text".equals(text.type())) {
        throw new IllegalArgumentException("a header takes plain_text only");
      }
    }

    public static Header of(String plain) {
      return new Header(TextObject.plain(plain, SlackText.HEADER_TEXT_MAX));
    }
  }

  /** A paragraph of mrkdwn text, or up to ten short fields shown in two columns. */
  @JsonTypeName("section")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Section(TextObject text, List<TextObject> fields) implements Block {
    public Section {
      fields = fields == null ? List.of() : List.copyOf(fields);
      if (text == null && fields.isEmpty()) {
        throw new IllegalArgumentException("a section needs text or fields");
      }
      if (fields.size() > MAX_SECTION_FIELDS) {
        throw new IllegalArgumentException("a section holds at most 10 fields");
      }
    }

    public static Section text(String escapedMrkdwn) {
      return new Section(TextObject.mrkdwn(escapedMrkdwn, SlackText.SECTION_TEXT_MAX), List.of());
    }

    public static Section fields(List<String> escapedMrkdwn) {
      return new Section(
          null,
          escapedMrkdwn.stream().map(f -> TextObject.mrkdwn(f, SlackText.FIELD_TEXT_MAX)).toList());
    }
  }

  /** Small grey text under the message. */
  @JsonTypeName("context")
  record Context(List<TextObject> elements) implements Block {
    public Context {
      elements = List.copyOf(elements);
      if (elements.isEmpty() || elements.size() > MAX_CONTEXT_ELEMENTS) {
        throw new IllegalArgumentException("a context holds 1 to 10 elements");
      }
    }

    public static Context of(String escapedMrkdwn) {
      return new Context(List.of(TextObject.mrkdwn(escapedMrkdwn, SlackText.CONTEXT_TEXT_MAX)));
    }
  }
}
