package io.precursor.ingest.kinesis;

import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The checkpoints KCL keeps in an application's lease table, by shard id. */
final class LeaseCheckpoints {

  private LeaseCheckpoints() {}

  /**
   * Every shard lease's checkpoint: a sequence number, or a position such as {@code TRIM_HORIZON}
   * or {@code SHARD_END}.
   */
  static Map<String, String> read(DynamoDbAsyncClient dynamoDb, String applicationName) {
    return dynamoDb.scan(b -> b.tableName(applicationName)).join().items().stream()
        // KCL 3 keeps worker metrics and coordinator state in the same table; leases name a shard.
        .filter(item -> item.containsKey("checkpoint") && shard(item).startsWith("shardId-"))
        .collect(Collectors.toMap(LeaseCheckpoints::shard, item -> item.get("checkpoint").s()));
  }

  private static String shard(Map<String, AttributeValue> item) {
    AttributeValue key = item.get("leaseKey");
    return key == null || key.s() == null ? "" : key.s();
  }
}
