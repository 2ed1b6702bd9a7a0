package io.precursor.ingest.digest;

import static io.precursor.ingest.logs.Fixtures.bytes;
import static io.precursor.ingest.logs.Fixtures.gzip;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowLogFileTest {

  @Test
  void shouldReadASlowLogEntryByEntryWithTheFileAsStream(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("slow.log");
    Files.write(file, bytes("slowlog/three-entries.log"));
    List<SlowLogText> texts = new ArrayList<>();

    SlowLogFile.Format format = SlowLogFile.read(file, texts::add);

    assertThat(format).isEqualTo(SlowLogFile.Format.SLOW_LOG);
    assertThat(texts).hasSize(3);
    assertThat(texts).allSatisfy(t -> assertThat(t.stream()).isEqualTo(file.toString()));
    assertThat(texts).allSatisfy(t -> assertThat(t.fallbackTime()).isNull());
    assertThat(texts.get(1).text()).endsWith("# administrator command: Quit;");
  }

  @Test
  void shouldTellACloudWatchExportByItsContent() throws IOException {
    List<SlowLogText> texts =
        read(
            ("\ufeff\n  " + new String(bytes("digest/cloudwatch-export.json"), UTF_8))
                .getBytes(UTF_8));

    assertThat(texts).hasSize(4);
    assertThat(texts.get(1).stream()).isEqualTo("ads-prod-1");
    assertThat(texts.get(1).fallbackTime()).isEqualTo(Instant.ofEpochMilli(1794906729500L));
  }

  @Test
  void shouldReadGzippedFilesOfEitherForm() throws IOException {
    List<SlowLogText> log = new ArrayList<>();
    List<SlowLogText> export = new ArrayList<>();

    SlowLogFile.Format logFormat =
        SlowLogFile.read(
            new ByteArrayInputStream(gzip(bytes("slowlog/three-entries.log"))), "x", log::add);
    SlowLogFile.Format exportFormat =
        SlowLogFile.read(
            new ByteArrayInputStream(gzip(bytes("digest/cloudwatch-export.json"))),
            "y",
            export::add);

    assertThat(logFormat).isEqualTo(SlowLogFile.Format.SLOW_LOG);
    assertThat(log).hasSize(3);
    assertThat(exportFormat).isEqualTo(SlowLogFile.Format.CLOUDWATCH_EXPORT);
    assertThat(export).hasSize(4);
  }

  private static List<SlowLogText> read(byte[] content) throws IOException {
    List<SlowLogText> texts = new ArrayList<>();
    assertThat(SlowLogFile.read(new ByteArrayInputStream(content), "in", texts::add))
        .isEqualTo(SlowLogFile.Format.CLOUDWATCH_EXPORT);
    return texts;
  }
}
