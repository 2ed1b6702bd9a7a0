package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class LocalDynamoDbIT {

  @Test
  void shouldCreateAnActiveLeaseTableWithTheLeaseOwnerIndex() {
    try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
      dynamo.createLeaseTable("precursor-ingest-it");

      TableDescription table =
          dynamo.client().describeTable(b -> b.tableName("precursor-ingest-it")).join().table();

      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.keySchema())
          .singleElement()
          .satisfies(k -> assertThat(k.attributeName()).isEqualTo("leaseKey"));
      assertThat(table.globalSecondaryIndexes())
          .singleElement()
          .satisfies(
              index -> {
                assertThat(index.indexName()).isEqualTo(LocalDynamoDb.LEASE_OWNER_INDEX);
                assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
              });
    }
  }

  @Test
  void shouldKeepTelemetryOffSoNothingIsReportedToAws() {
    // DynamoDB Local writes this file in the working directory when its telemetry is on.
    Path metadata = Path.of(System.getProperty("user.dir"), "dynamodb-local-metadata.json");

    try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
      dynamo.createLeaseTable("telemetry-check");
    }

    assertThat(metadata).doesNotExist();
  }

  @Test
  void shouldStoreAndReadBackAnItem() {
    try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
      dynamo.createLeaseTable("leases");
      Map<String, AttributeValue> lease =
          Map.of(
              "leaseKey", AttributeValue.fromS("shardId-000000000000"),
              "checkpoint", AttributeValue.fromS("TRIM_HORIZON"));

      dynamo.client().putItem(b -> b.tableName("leases").item(lease)).join();

      assertThat(
              dynamo
                  .client()
                  .getItem(
                      b ->
                          b.tableName("leases")
                              .key(
                                  Map.of("leaseKey", AttributeValue.fromS("shardId-000000000000"))))
                  .join()
                  .item())
          .isEqualTo(lease);
    }
  }
}
