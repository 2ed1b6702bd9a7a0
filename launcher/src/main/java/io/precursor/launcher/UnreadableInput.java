package io.precursor.launcher;

import io.precursor.ingest.IngestSink;
import io.precursor.topics.Topic;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes records on and keeps count of the input that could not be read (which still goes to the
 * dead-letter topic), with the first few places and reasons, so a replay can say what it skipped.
 */
final class UnreadableInput {

  /** How many unreadable items are listed by place; the rest are only counted. */
  static final int LISTED = 10;

  private record Skipped(String source, String reason) {}

  private final List<Skipped> first = new ArrayList<>();
  private long count;

  /** A sink that notes dead letters here before handing everything to {@code target}. */
  IngestSink watching(IngestSink target) {
    return new IngestSink() {
      @Override
      public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
        target.publish(topic, key, value, eventTime);
      }

      @Override
      public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
        note(source, reason);
        target.deadLetter(source, reason, error, raw);
      }
    };
  }

  synchronized void note(String source, String reason) {
    count++;
    if (first.size() < LISTED) {
      first.add(new Skipped(source, reason));
    }
  }

  synchronized long count() {
    return count;
  }

  synchronized void print(PrintStream out) {
    if (count == 0) {
      return;
    }
    out.printf(
        "skipped %d unreadable record(s), set aside on the dead-letter topic%s%n",
        count, count > first.size() ? "; the first " + first.size() + ":" : ":");
    first.forEach(s -> out.printf("  %s: %s%n", s.source(), s.reason()));
  }
}
