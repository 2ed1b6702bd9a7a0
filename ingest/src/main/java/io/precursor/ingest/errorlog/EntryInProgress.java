package io.precursor.ingest.errorlog;

import io.precursor.schemas.ErrorLogEntry;

/**
 * An error log entry whose lines are still being read: its header fields and its message so far,
 * cut at a length.
 */
class EntryInProgress {

  private final ErrorLogEntry.Builder builder;
  private final StringBuilder message = new StringBuilder();
  private final int maxMessageChars;

  EntryInProgress(ErrorLogEntry.Builder builder, int maxMessageChars) {
    this.builder = builder;
    this.maxMessageChars = maxMessageChars;
  }

  /** Adds a line (or the message of a timestamped line) to the message. */
  void add(String text) {
    appendCapped(text);
  }

  /** The entry as read. */
  ErrorLogEntry toEntry() {
    return builder.setMessage(message.toString()).build();
  }

  final ErrorLogEntry.Builder builder() {
    return builder;
  }

  final String message() {
    return message.toString();
  }

  final void appendCapped(String text) {
    int room = maxMessageChars - message.length() - (message.isEmpty() ? 0 : 1);
    if (room <= 0) {
      return;
    }
    if (!message.isEmpty()) {
      message.append('\n');
    }
    message.append(capped(text, room));
  }

  /** At most {@code max} chars of {@code text}, never half of a surrogate pair. */
  static String capped(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
