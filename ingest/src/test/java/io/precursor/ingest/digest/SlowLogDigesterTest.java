package io.precursor.ingest.digest;

import static io.precursor.ingest.logs.Fixtures.bytes;
import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowLogDigesterTest {

  @Test
  void shouldFindTheClassesPtQueryDigestFindsInAGeneratedLog(@TempDir Path dir) throws IOException {
    DigestReport report = digest(copy(dir, "digest/generated-mysql80.log"), 2);

    // Query id and entry count of every class, as pt-query-digest 3.2.1 reported them.
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String line : text("digest/generated-mysql80.pt-query-digest.tsv").split("\n")) {
      if (!line.startsWith("#")) {
        String[] columns = line.split("\t");
        expected.put(columns[0], Long.parseLong(columns[1]));
      }
    }
    Map<String, Long> ours = new LinkedHashMap<>();
    report.top().forEach(c -> ours.put(c.queryId(), c.count()));

    assertThat(report.unreadable()).isZero();
    assertThat(report.classCount()).isEqualTo(expected.size());
    assertThat(ours).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void shouldGiveTheSameReportWhateverTheNumberOfThreads(@TempDir Path dir) throws IOException {
    Path log = copy(dir, "digest/generated-mysql80.log");

    DigestReport alone = digest(log, 1);
    DigestReport shared = digest(log, 3);

    assertThat(shared).isEqualTo(alone);
  }

  @Test
  void shouldCarryTheDatabaseOfUseOverToTheFollowingEntriesOfAFile(@TempDir Path dir)
      throws IOException {
    DigestReport report = digest(copy(dir, "digest/generated-mysql80.log"), 1);

    // Every generated entry runs in a database, though "use" is written only when it changes.
    assertThat(report.top())
        .allSatisfy(
            c ->
                assertThat(c.databases().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(c.count()));
  }

  @Test
  void shouldReadACloudWatchExportPerLogStream(@TempDir Path dir) throws IOException {
    DigestReport report = digest(copy(dir, "digest/cloudwatch-export.json"), 2);

    assertThat(report.entries()).isEqualTo(4);
    assertThat(report.unreadable()).isEqualTo(1);
    assertThat(report.unreadableReasons())
        .containsOnlyKeys(
            "the statement does not end with ';', so the entry is truncated"
                + " (a CloudWatch Logs event holds at most 256 KB)");
    QueryClass byId =
        report.top().stream()
            .filter(c -> c.fingerprint().equals("select * from orders where id = ?"))
            .findFirst()
            .orElseThrow();
    assertThat(byId.count()).isEqualTo(2);
    // The second entry names neither a time nor a database: the event's timestamp and the
    // database of the entry before it in the same log stream stand in.
    assertThat(byId.databases()).containsExactly(Map.entry("shop", 2L));
    assertThat(byId.lastSeen()).isEqualTo(Instant.ofEpochMilli(1794906729500L));
    assertThat(report.top())
        .filteredOn(c -> c.fingerprint().startsWith("insert"))
        .singleElement()
        .satisfies(c -> assertThat(c.databases()).containsOnlyKeys("billing"));
  }

  @Test
  void shouldReadSeveralFilesIntoOneDigest(@TempDir Path dir) throws IOException {
    SlowLogDigest digest = new SlowLogDigest();
    try (SlowLogDigester digester = new SlowLogDigester(digest, 2)) {
      assertThat(digester.read(copy(dir, "slowlog/three-entries.log")))
          .isEqualTo(SlowLogFile.Format.SLOW_LOG);
      assertThat(digester.read(copy(dir, "digest/cloudwatch-export.json")))
          .isEqualTo(SlowLogFile.Format.CLOUDWATCH_EXPORT);
    }

    assertThat(digest.report(0).entries()).isEqualTo(7);
  }

  private static DigestReport digest(Path file, int threads) throws IOException {
    SlowLogDigest digest = new SlowLogDigest();
    try (SlowLogDigester digester = new SlowLogDigester(digest, threads)) {
      digester.read(file);
    }
    return digest.report(0);
  }

  private static Path copy(Path dir, String fixture) throws IOException {
    Path file = dir.resolve(Path.of(fixture).getFileName());
    Files.write(file, bytes(fixture));
    return file;
  }
}
