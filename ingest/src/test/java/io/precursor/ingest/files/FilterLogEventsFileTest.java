package io.precursor.ingest.files;

import static io.precursor.ingest.files.Entries.all;
import static io.precursor.ingest.files.Entries.error;
import static io.precursor.ingest.files.Entries.fixture;
import static io.precursor.ingest.files.Entries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterLogEventsFileTest {

  @TempDir Path temp;

  @Test
  void shouldReadEveryPageOfAFileAndSetAsideAnEventWithoutMessage() throws IOException {
    // given two pages appended to one file, the first page's second event without its message
    Path file = fixture("logs/filter-log-events-pages.json");

    // when
    List<FileEntry<FilteredLogEvent>> entries = all(FilterLogEventsFile.read(file));

    // then both pages are read, and the bad event is an error at its place
    assertThat(entries).hasSize(3);
    FilteredLogEvent first = value(entries.get(0));
    assertThat(first.logStream()).isEqualTo("ads-prod-1");
    assertThat(first.event().timestamp()).isEqualTo(1794906720000L);
    assertThat(first.event().id())
        .isEqualTo("38016455613224283711187392468263102547474217520373497856");
    assertThat(first.event().message()).contains("DELETE FROM ad_logs");
    assertThat(first.source().reference()).isEqualTo(file + ":0");

    FileReadError bad = error(entries.get(1));
    assertThat(bad.position().file()).isEqualTo(file);
    assertThat(bad.position().index()).isEqualTo(1);
    assertThat(bad.position().line()).isEqualTo(10);
    assertThat(bad.reason()).isEqualTo("it has no message");
    assertThat(bad.raw()).contains("ads-prod-2");

    FilteredLogEvent third = value(entries.get(2));
    assertThat(third.event().message()).contains("SELECT COUNT(*)");
    assertThat(third.source().index()).isEqualTo(2);
    assertThat(third.source().line()).isEqualTo(25);
  }

  @Test
  void shouldNameTheFileAndLineWhereAnExportStopsBeingJsonAndKeepWhatCameBefore()
      throws IOException {
    // given a page cut off in its second event
    Path file = temp.resolve("cut.json");
    Files.writeString(
        file,
        """
        {"events": [
          {"logStreamName": "i-1", "timestamp": 1794906720000, "message": "a", "eventId": "1"},
          {"logStreamName": "i-1", "timestamp": 17949067
        """);

    // when
    List<FileEntry<FilteredLogEvent>> entries = all(FilterLogEventsFile.read(file));

    // then the first event is read and the break is reported with the file and line
    assertThat(entries).hasSize(2);
    assertThat(value(entries.get(0)).event().message()).isEqualTo("a");
    FileReadError broken = error(entries.get(1));
    assertThat(broken.position().reference()).isEqualTo(file.toString());
    assertThat(broken.position().line()).isGreaterThanOrEqualTo(3);
    assertThat(broken.reason())
        .startsWith("it is not valid JSON")
        .endsWith("the items before it were read");
  }

  @Test
  void shouldRejectATimestampThatIsNotEpochMillisecondsAndGoOn() throws IOException {
    // given an event whose timestamp is a date string, then a good one
    Path file = temp.resolve("dates.json");
    Files.writeString(
        file,
        """
        {"events": [
          {"logStreamName": "i-1", "timestamp": "2026-11-17T09:12:00Z", "message": "a"},
          {"logStreamName": "i-1", "timestamp": 1794906720000, "message": "b"}
        ], "searchedLogStreams": []}
        """);

    // when
    List<FileEntry<FilteredLogEvent>> entries = all(FilterLogEventsFile.read(file));

    // then
    assertThat(error(entries.get(0)).reason())
        .isEqualTo("timestamp is not epoch milliseconds: \"2026-11-17T09:12:00Z\"");
    FilteredLogEvent good = value(entries.get(1));
    assertThat(good.event().message()).isEqualTo("b");
    assertThat(good.event().id()).as("no eventId: the position stands in").isEqualTo(file + ":1");
  }

  @Test
  void shouldSayWhatIsMissingWhenAFileIsAnotherCommandsOutput() throws IOException {
    // given get-records output where filter-log-events output was expected
    Path file = temp.resolve("records.json");
    Files.writeString(file, "{\"Records\": [], \"NextShardIterator\": null}\n");

    // when
    List<FileEntry<FilteredLogEvent>> entries = all(FilterLogEventsFile.read(file));

    // then
    assertThat(entries)
        .singleElement()
        .satisfies(
            e ->
                assertThat(error(e).reason())
                    .isEqualTo("it is not a JSON object with a events array"));
  }

  @Test
  void shouldFailWhenADirectoryHoldsNoExport() {
    assertThatThrownBy(() -> FilterLogEventsFile.read(temp))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("holds no .json files");
  }
}
