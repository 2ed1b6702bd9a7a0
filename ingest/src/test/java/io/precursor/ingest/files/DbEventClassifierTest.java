package io.precursor.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEventKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbEventClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "RDS-EVENT-0072, FAILOVER_STARTED",
    "RDS-EVENT-0073, FAILOVER_STARTED",
    "RDS-EVENT-0070, FAILOVER_STARTED",
    "RDS-EVENT-0071, FAILOVER_COMPLETED",
    "RDS-EVENT-0069, FAILOVER_FAILED",
    "RDS-EVENT-0006, RESTART",
    "RDS-EVENT-0022, RESTART",
    "RDS-EVENT-0004, SHUTDOWN",
    "RDS-EVENT-0089, LOW_STORAGE",
    "RDS-EVENT-0227, LOW_STORAGE",
    "rds-event-0073 , FAILOVER_STARTED"
  })
  void shouldClassifyByEventIdWhateverTheMessageSays(String eventId, DbEventKind kind) {
    assertThat(DbEventClassifier.classify(eventId, List.of(), "some text")).isEqualTo(kind);
  }

  @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "failover | Started cross AZ failover to DB instance: ads-prod-2 | FAILOVER_STARTED",
        "failover | Started same AZ failover to DB instance: ads-prod-2 | FAILOVER_STARTED",
        "failover | Promoting previous primary again: ads-prod-1 | FAILOVER_STARTED",
        "failover | Completed failover to DB instance: ads-prod-2 | FAILOVER_COMPLETED",
        "failover | Cluster failover failed, check the health of your cluster instances and try again. | FAILOVER_FAILED",
        "failover | Multi-AZ instance failover started. | FAILOVER_STARTED",
        "failover | Multi-AZ failover to standby complete - DNS may take several minutes | FAILOVER_COMPLETED",
        "'' | A failover for the DB cluster has finished. | FAILOVER_COMPLETED",
        "availability | DB instance restarted | RESTART",
        "'' | A new writer was promoted. Restarting database as a reader. | RESTART",
        "availability | DB instance shutdown | SHUTDOWN",
        "availability | Rebooting DB instance | REBOOT",
        "low storage | The free storage capacity for DB instance: ads-prod-1 is low at 8% of the provisioned storage | LOW_STORAGE",
        "'' | Your Aurora cluster's storage is dangerously low with only 2 terabytes remaining. | LOW_STORAGE",
        "'' | The DB instance is running low on freeable memory | LOW_MEMORY",
        "low storage | The DB instance has reached the storage-full threshold, and the database has been shut down. | LOW_STORAGE",
        "'' | The DB instance has reached the storage-full threshold, and the database has been shut down. | LOW_STORAGE",
        "global failover | Global switchover to DB cluster ads-prod in Region us-west-2 started. | OTHER",
        "notification | DB instance stopped. | OTHER",
        "configuration change | Finished applying modification to DB instance class. | OTHER"
      })
  void shouldClassifyByCategoryAndTextWithoutAnEventId(
      String category, String message, DbEventKind kind) {
    List<String> categories = category.isEmpty() ? List.of() : List.of(category);

    assertThat(DbEventClassifier.classify(null, categories, message)).isEqualTo(kind);
  }

  @Test
  void shouldGiveEveryKnownEventTheSameKindByItsIdAndByItsCategoryAndText() {
    assertThat(DbEventClassifier.KNOWN_EVENTS)
        .extracting(DbEventClassifier.KnownEvent::eventId)
        .doesNotHaveDuplicates()
        .contains("RDS-EVENT-0221", "RDS-EVENT-0222", "RDS-EVENT-0004");
    assertThat(DbEventClassifier.KNOWN_EVENTS)
        .allSatisfy(
            known -> {
              List<String> categories = List.of(known.category());
              assertThat(DbEventClassifier.classify(known.eventId(), categories, "anything"))
                  .as("%s by id", known.eventId())
                  .isEqualTo(known.kind());
              assertThat(DbEventClassifier.classify(null, categories, known.message()))
                  .as("%s by text: %s", known.eventId(), known.message())
                  .isEqualTo(known.kind());
            });
  }

  @Test
  void shouldClassifyTheStorageFullShutdownAsLowStorageWhateverCarriesIt() {
    String message =
        "DB instance has reached the storage-full threshold, and the database has been shut"
            + " down. You can increase the allocated storage to address this issue.";

    assertThat(DbEventClassifier.classify("RDS-EVENT-0221", List.of("availability"), message))
        .isEqualTo(DbEventClassifier.classify(null, List.of("availability"), message))
        .isEqualTo(DbEventClassifier.classify(null, List.of(), message))
        .isEqualTo(DbEventKind.LOW_STORAGE);
  }

  @ParameterizedTest(name = "unknown {0} falls back to the text")
  @CsvSource({"RDS-EVENT-9999", "''"})
  void shouldFallBackToTheTextForAnEventIdItDoesNotKnow(String eventId) {
    assertThat(
            DbEventClassifier.classify(eventId, List.of("availability"), "DB instance restarted"))
        .isEqualTo(DbEventKind.RESTART);
  }
}
