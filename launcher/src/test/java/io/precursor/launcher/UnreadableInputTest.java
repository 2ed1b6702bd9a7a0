package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnreadableInputTest {

  @Test
  void shouldCountEverySkippedRecordAndListTheFirstTenByPlace() {
    UnreadableInput unreadable = new UnreadableInput();
    RecordingDeadLetters target = new RecordingDeadLetters();
    var sink = unreadable.watching(target);

    for (int i = 0; i < 12; i++) {
      sink.deadLetter(
          "/d/kinesis/a.json:" + i + " (line " + (3 + i) + ")", "not gzip", null, new byte[0]);
    }

    assertThat(unreadable.count()).isEqualTo(12);
    assertThat(target.count).as("still set aside on the dead-letter topic").isEqualTo(12);
    String printed = print(unreadable);
    assertThat(printed)
        .startsWith(
            "skipped 12 unreadable record(s), set aside on the dead-letter topic; the first 10:")
        .contains("  /d/kinesis/a.json:0 (line 3): not gzip")
        .contains("  /d/kinesis/a.json:9 (line 12): not gzip")
        .doesNotContain("a.json:10");
  }

  @Test
  void shouldPrintNothingWhenEverythingWasRead() {
    assertThat(print(new UnreadableInput())).isEmpty();
  }

  private static String print(UnreadableInput unreadable) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    unreadable.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final class RecordingDeadLetters implements io.precursor.ingest.IngestSink {
    int count;

    @Override
    public <V> void publish(
        io.precursor.topics.Topic<String, V> topic, String key, V value, java.time.Instant time) {}

    @Override
    public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
      count++;
    }
  }
}
