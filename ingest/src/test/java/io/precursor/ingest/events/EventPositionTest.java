package io.precursor.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.metrics.FleetShare;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventPositionTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");
  private static final Duration OVERLAP = Duration.ofMinutes(10);
  private static final Instant FALLBACK = T0.minus(Duration.ofHours(1));

  @Test
  void shouldContinueAfterTheNewestEventOnTheTopic() {
    List<DbEvent> published = List.of(event("ads-prod", 30, null), event("ads-prod", 45, null));

    EventPosition position = EventPosition.after(published, FleetShare.ALL, FALLBACK, OVERLAP);

    assertThat(position.readUntil()).isEqualTo(T0.plusSeconds(45 * 60));
    assertThat(position.nextStart()).isEqualTo(T0.plusSeconds(35 * 60));
    assertThat(position.seen(EventKey.of(event("ads-prod", 45, null)))).isTrue();
    // Before the overlap: never read again, so not remembered.
    assertThat(position.seen(EventKey.of(event("ads-prod", 30, null)))).isFalse();
  }

  @Test
  void shouldStartAtTheFallbackWhenTheTopicHoldsNoneOfItsEvents() {
    EventPosition position = EventPosition.after(List.of(), FleetShare.ALL, FALLBACK, OVERLAP);

    assertThat(position.readUntil()).isEqualTo(FALLBACK);
  }

  @Test
  void shouldNotTakeItsPositionFromEventBridgeEventsButRememberThem() {
    DbEvent fromEventBridge = event("ads-prod", 50, "RDS-EVENT-0071");

    EventPosition position =
        EventPosition.after(
            List.of(event("ads-prod", 45, null), fromEventBridge),
            FleetShare.ALL,
            FALLBACK,
            OVERLAP);

    assertThat(position.readUntil()).isEqualTo(T0.plusSeconds(45 * 60));
    assertThat(position.seen(EventKey.of(fromEventBridge))).isTrue();
  }

  @Test
  void shouldTakeItsPositionOnlyFromTheSourcesItsReplicaOwns() {
    FleetShare share = new FleetShare(0, 2);
    List<String> sources = IntStream.range(0, 40).mapToObj(i -> "db-" + i).toList();
    String mine = sources.stream().filter(share::owns).findFirst().orElseThrow();
    String theirs = sources.stream().filter(s -> !share.owns(s)).findFirst().orElseThrow();

    EventPosition position =
        EventPosition.after(
            List.of(event(mine, 20, null), event(theirs, 50, null)), share, FALLBACK, OVERLAP);

    assertThat(position.readUntil()).isEqualTo(T0.plusSeconds(20 * 60));
    assertThat(position.seen(EventKey.of(event(theirs, 50, null)))).isFalse();
  }

  @Test
  void shouldMoveOnAndForgetWhatFallsOutOfTheOverlap() {
    EventPosition position = EventPosition.startingAt(T0, OVERLAP);
    EventKey early = EventKey.of(event("ads-prod", 1, null));
    EventKey late = EventKey.of(event("ads-prod", 14, null));

    position.advance(T0.plusSeconds(15 * 60), List.of(early, late));

    assertThat(position.nextStart()).isEqualTo(T0.plusSeconds(5 * 60));
    assertThat(position.seen(late)).isTrue();
    assertThat(position.seen(early)).isFalse();
    assertThat(position.remembered()).isEqualTo(1);
  }

  private static DbEvent event(String source, int minute, String eventId) {
    return DbEvent.newBuilder()
        .setSourceId(source)
        .setSourceType(DbEventSourceType.DB_CLUSTER)
        .setCluster(source)
        .setTime(T0.plusSeconds(minute * 60L))
        .setKind(DbEventKind.OTHER)
        .setEventId(eventId)
        .setMessage("message at minute " + minute)
        .setCategories(List.of())
        .build();
  }
}
