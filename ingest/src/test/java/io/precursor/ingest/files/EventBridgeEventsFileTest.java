package io.precursor.ingest.files;

import static io.precursor.ingest.files.Entries.all;
import static io.precursor.ingest.files.Entries.error;
import static io.precursor.ingest.files.Entries.fixture;
import static io.precursor.ingest.files.Entries.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeEventsFileTest {

  @Test
  void shouldReadOneEventPerLineClassifiedByEventIdAndReportBadLines() throws IOException {
    List<FileEntry<DbEvent>> entries =
        all(EventBridgeEventsFile.read(fixture("events/eventbridge.jsonl")));

    assertThat(entries).hasSize(4);
    DbEvent started = value(entries.get(0));
    assertThat(started.getEventId()).isEqualTo("RDS-EVENT-0073");
    assertThat(started.getKind()).isEqualTo(DbEventKind.FAILOVER_STARTED);
    // AWS's examples prefix the identifier with "rds:"
    assertThat(started.getSourceId()).isEqualTo("ads-prod");
    assertThat(started.getSourceType()).isEqualTo(DbEventSourceType.DB_CLUSTER);
    assertThat(started.getTime()).isEqualTo(Instant.parse("2026-11-17T09:47:31.274Z"));

    FileReadError ec2 = error(entries.get(1));
    assertThat(ec2.position().line()).isEqualTo(3); // line 2 is blank and skipped
    assertThat(ec2.reason()).isEqualTo("not an aws.rds event: source is aws.ec2");
    FileReadError broken = error(entries.get(2));
    assertThat(broken.position().line()).isEqualTo(4);
    assertThat(broken.reason()).contains("not valid JSON");
    assertThat(broken.raw()).startsWith("{\"version\":\"0\"");

    DbEvent restarted = value(entries.get(3));
    assertThat(restarted.getKind()).isEqualTo(DbEventKind.RESTART);
    assertThat(restarted.getInstance()).isEqualTo("ads-prod-1");
  }

  @Test
  void shouldReadAJsonArrayOfEventsAndFallBackToTheEventTimeWithoutADate() throws IOException {
    List<DbEvent> events =
        Entries.values(all(EventBridgeEventsFile.read(fixture("events/eventbridge-array.json"))));

    assertThat(events)
        .extracting(DbEvent::getKind)
        .containsExactly(DbEventKind.SHUTDOWN, DbEventKind.FAILOVER_COMPLETED);
    assertThat(events.get(0).getTime()).isEqualTo(Instant.parse("2026-11-17T09:47:40Z"));
    assertThat(events.get(0).getSourceId()).isEqualTo("ads-prod-1");
  }
}
