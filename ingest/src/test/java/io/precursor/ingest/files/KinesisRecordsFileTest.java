package io.precursor.ingest.files;

import static io.precursor.ingest.files.Entries.all;
import static io.precursor.ingest.files.Entries.error;
import static io.precursor.ingest.files.Entries.fixture;
import static io.precursor.ingest.files.Entries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KinesisRecordsFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void shouldYieldEachRecordsDecodedBytesWithWhereItCameFrom() throws IOException {
    // given an export whose second record's Data is not base64
    Path file = fixture("kinesis/get-records.json");

    // when
    List<FileEntry<KinesisFileRecord>> entries = all(KinesisRecordsFile.read(file));

    // then the good records are read on both sides of the bad one
    assertThat(entries).hasSize(3);
    KinesisFileRecord first = value(entries.get(0));
    assertThat(first.source().reference()).isEqualTo(file + ":0");
    assertThat(first.sequenceNumber())
        .isEqualTo("49590338271490256608559692538361571095921575989136588801");
    assertThat(first.arrival()).isEqualTo(Instant.parse("2026-11-17T09:12:04.512Z"));
    assertThat(first.partitionKey()).isEqualTo("e444c197d427e93cd5d9419a0ebcdf52");
    JsonNode payload = gunzip(first.data());
    assertThat(payload.path("logStream").asText()).isEqualTo("ads-prod-1");
    assertThat(payload.path("logEvents").get(0).path("message").asText())
        .contains("DELETE FROM ad_logs");

    FileReadError bad = error(entries.get(1));
    assertThat(bad.position().file()).isEqualTo(file);
    assertThat(bad.position().index()).isEqualTo(1);
    assertThat(bad.position().line()).isGreaterThan(1);
    assertThat(bad.reason()).contains("Data is not base64");
    assertThat(bad.raw()).contains("H4sI%%%not-base64%%%");

    KinesisFileRecord third = value(entries.get(2));
    // AWS CLI v1 prints the arrival as epoch seconds
    assertThat(third.arrival()).isEqualTo(Instant.parse("2026-11-17T09:12:06.250Z"));
    assertThat(gunzip(third.data()).path("logStream").asText()).isEqualTo("ads-prod-2");
  }

  @Test
  void shouldReadADirectoryOfPagesInNameOrderAndIgnoreOtherFiles() throws IOException {
    List<FileEntry<KinesisFileRecord>> entries =
        all(KinesisRecordsFile.read(fixture("kinesis/paged")));

    assertThat(entries).hasSize(2);
    assertThat(value(entries.get(0)).source().file().getFileName())
        .hasToString("precursor-logs-00001.json");
    assertThat(gunzip(value(entries.get(0)).data()).path("logStream").asText())
        .isEqualTo("ads-prod-1");
    assertThat(value(entries.get(1)).source().file().getFileName())
        .hasToString("precursor-logs-00002.json");
  }

  @Test
  void shouldReportWhereAFileStopsBeingJsonAndKeepTheRecordsBeforeIt() throws IOException {
    Path file = fixture("kinesis/truncated.json");

    List<FileEntry<KinesisFileRecord>> entries = all(KinesisRecordsFile.read(file));

    assertThat(entries).hasSize(2);
    assertThat(value(entries.get(0)).sequenceNumber()).endsWith("588801");
    FileReadError broken = error(entries.get(1));
    assertThat(broken.position().index()).isEqualTo(FilePosition.WHOLE_FILE);
    assertThat(broken.position().line()).isGreaterThanOrEqualTo(Files.readAllLines(file).size());
    assertThat(broken.reason()).contains("not valid JSON").contains("items before it were read");
  }

  @Test
  void shouldReportAFileWithoutRecordsAndGoOnWithTheNextFile() throws IOException {
    Path directory = Files.createDirectories(temp.resolve("export"));
    Files.writeString(directory.resolve("a.json"), "{\"StreamDescription\": {}}\n");
    Files.copy(fixture("kinesis/paged/precursor-logs-00001.json"), directory.resolve("b.json"));

    List<FileEntry<KinesisFileRecord>> entries = all(KinesisRecordsFile.read(directory));

    assertThat(entries).hasSize(2);
    assertThat(error(entries.get(0)).reason()).contains("not a JSON object with a Records array");
    assertThat(error(entries.get(0)).position().file()).isEqualTo(directory.resolve("a.json"));
    assertThat(value(entries.get(1)).source().file()).isEqualTo(directory.resolve("b.json"));
  }

  @Test
  void shouldRefuseAnExportThatDoesNotExist() {
    assertThatThrownBy(() -> KinesisRecordsFile.read(temp.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void shouldReadEveryRecordOfTheBundledSeed000Scenario() throws IOException {
    ScenarioManifest manifest = BundledScenarios.extract("seed-000", temp.resolve("seed-000"));

    List<KinesisFileRecord> records =
        Entries.values(all(KinesisRecordsFile.read(temp.resolve("seed-000/kinesis"))));

    assertThat((long) records.size()).isEqualTo(manifest.longFact("kinesisRecords"));
    assertThat(gunzip(records.get(0).data()).path("messageType").asText())
        .isEqualTo("CONTROL_MESSAGE");
    long logEvents = 0;
    for (KinesisFileRecord record : records.subList(1, records.size())) {
      logEvents += gunzip(record.data()).path("logEvents").size();
    }
    assertThat(logEvents)
        .isEqualTo(manifest.longFact("slowQueryLogEvents") + manifest.longFact("errorLogEvents"));
  }

  private static JsonNode gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return JSON.readTree(in);
    }
  }
}
