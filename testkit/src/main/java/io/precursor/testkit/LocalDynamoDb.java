package io.precursor.testkit;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB in this JVM (DynamoDB Local embedded, in memory, no socket), e.g. for the lease table of
 * a KCL worker; its data is gone on {@link #close()}.
 */
public final class LocalDynamoDb implements AutoCloseable {

  /** The index on lease owners that KCL 3 queries; it creates it too, but only after a wait. */
  public static final String LEASE_OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

  private final AmazonDynamoDBLocal local;
  private final DynamoDbAsyncClient client;

  private LocalDynamoDb(AmazonDynamoDBLocal local) {
    this.local = local;
    this.client = local.dynamoDbAsyncClient();
  }

  /** Starts an empty in-memory DynamoDB, its telemetry to AWS switched off. */
  public static LocalDynamoDb start() {
    Sqlite4javaNatives.install();
    // true = telemetry disabled: otherwise it reports to AWS and writes a metadata file in the
    // working directory.
    return new LocalDynamoDb(DynamoDBEmbedded.create(true));
  }

  /** A client of this DynamoDB, owned by this instance; do not close it. */
  public DynamoDbAsyncClient client() {
    return client;
  }

  /**
   * Creates the lease table a KCL 3 application named {@code applicationName} uses, with the
   * lease-owner index, so a worker starts without waiting for KCL to create them.
   */
  public void createLeaseTable(String applicationName) {
    client
        .createTable(
            b ->
                b.tableName(applicationName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("leaseKey"), attribute("leaseOwner"))
                    .keySchema(key("leaseKey", KeyType.HASH))
                    .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                            .indexName(LEASE_OWNER_INDEX)
                            .keySchema(
                                key("leaseOwner", KeyType.HASH), key("leaseKey", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .build()))
        .join();
  }

  /** Stops it and drops its data. */
  @Override
  public void close() {
    client.close();
    local.shutdown();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
