package io.precursor.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.files.DbEventClassifier;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.model.Event;
import software.amazon.awssdk.services.rds.model.SourceType;

class DescribedEventsTest {

  private static final Instant DATE = Instant.parse("2026-11-17T09:47:31.274Z");

  /**
   * RDS's own texts of the events in FACTS 3.1 and 3.2, with the EventID EventBridge gives them.
   */
  @ParameterizedTest(name = "{1} \"{3}\" is {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RDS-EVENT-0073 | db-cluster  | failover     | Started cross AZ failover to DB instance: ads-prod-2 | FAILOVER_STARTED",
        "RDS-EVENT-0072 | db-cluster  | failover     | Started same AZ failover to DB instance: ads-prod-2 | FAILOVER_STARTED",
        "RDS-EVENT-0070 | db-cluster  | failover     | Promoting previous primary again: ads-prod-1 | FAILOVER_STARTED",
        "RDS-EVENT-0071 | db-cluster  | failover     | Completed failover to DB instance: ads-prod-2 | FAILOVER_COMPLETED",
        "RDS-EVENT-0069 | db-cluster  | failover     | Cluster failover failed, check the health of your cluster instances and try again. | FAILOVER_FAILED",
        "RDS-EVENT-0006 | db-instance | availability | DB instance restarted | RESTART",
        "RDS-EVENT-0004 | db-instance | availability | DB instance shutdown | SHUTDOWN",
        "RDS-EVENT-0022 | db-instance | failure      | Error restarting mysql: InnoDB: Cannot allocate memory | RESTART",
        "RDS-EVENT-0222 | db-instance | low storage  | Free storage capacity for DB instance ads-prod-1 is low at 8% of the provisioned storage [Provisioned Storage: 100 GB, Free Storage: 8 GB]. You may want to increase the provisioned storage to address this issue. | LOW_STORAGE"
      })
  void shouldClassifyDescribedEventsByCategoryAndTextAsEventBridgeOnesByTheirId(
      String eventId, String sourceType, String category, String message, DbEventKind kind) {
    DbEvent described = DescribedEvents.toDbEvent(event(sourceType, category, message));

    assertThat(described.getKind()).isEqualTo(kind);
    // One table in one place: the EventID path agrees with the text path.
    assertThat(DbEventClassifier.classify(eventId, List.of(category), message)).isEqualTo(kind);
  }

  @Test
  void shouldNameTheClusterOfAClusterEventAndTheInstanceOfAnInstanceEvent() {
    DbEvent cluster =
        DescribedEvents.toDbEvent(
            event("db-cluster", "failover", "Completed failover to DB instance: ads-prod-2"));
    DbEvent instance =
        DescribedEvents.toDbEvent(event("db-instance", "availability", "DB instance restarted"));

    assertThat(cluster.getSourceType()).isEqualTo(DbEventSourceType.DB_CLUSTER);
    assertThat(cluster.getCluster()).isEqualTo("ads-prod");
    assertThat(cluster.getInstance()).isNull();
    assertThat(instance.getSourceType()).isEqualTo(DbEventSourceType.DB_INSTANCE);
    assertThat(instance.getInstance()).isEqualTo("ads-prod");
    assertThat(instance.getCluster()).isNull();
  }

  @Test
  void shouldKeepWhatRdsSaidAndNoEventIdSinceDescribeEventsHasNone() {
    DbEvent event =
        DescribedEvents.toDbEvent(
            Event.builder()
                .sourceIdentifier("ads-prod")
                .sourceType(SourceType.DB_CLUSTER)
                .message("Started cross AZ failover to DB instance: ads-prod-2")
                .eventCategories("failover", "notification")
                .date(Instant.parse("2026-11-17T09:47:31.274911Z"))
                .sourceArn("arn:aws:rds:us-east-1:123456789012:cluster:ads-prod")
                .build());

    assertThat(event.getMessage())
        .isEqualTo("Started cross AZ failover to DB instance: ads-prod-2");
    assertThat(event.getCategories()).containsExactly("failover", "notification");
    assertThat(event.getSourceArn())
        .isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster:ads-prod");
    assertThat(event.getEventId()).isNull();
    // Milliseconds, as Avro's timestamp-millis keeps it: a read-back event has the same key.
    assertThat(event.getTime()).isEqualTo(DATE);
  }

  @Test
  void shouldRefuseAnEventWithoutSourceDateOrMessage() {
    assertThatThrownBy(
            () ->
                DescribedEvents.toDbEvent(
                    Event.builder().sourceIdentifier("ads-prod").date(DATE).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Message");
  }

  private static Event event(String sourceType, String category, String message) {
    return Event.builder()
        .sourceIdentifier("ads-prod")
        .sourceType(sourceType)
        .message(message)
        .eventCategories(category)
        .date(DATE)
        .build();
  }
}
