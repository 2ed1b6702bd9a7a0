package io.precursor.ingest.kinesis;

import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Assembles the KCL scheduler of one worker from configuration: one stream, polling retrieval (no
 * SubscribeToShard), leases in DynamoDB, KCL's own CloudWatch metrics off.
 */
final class KclScheduler {

  private KclScheduler() {}

  static Scheduler build(
      KinesisIngestConfig config,
      WorkerClients clients,
      String workerId,
      ShardRecordProcessorFactory processors) {
    ConfigsBuilder configs =
        new ConfigsBuilder(
            new SingleStreamTracker(config.streamName(), config.initialPosition()),
            config.applicationName(),
            clients.kinesis(),
            clients.dynamoDb(),
            clients.cloudWatch(),
            workerId,
            processors);
    return new Scheduler(
        configs.checkpointConfig(),
        configs.coordinatorConfig(),
        configs
            .leaseManagementConfig()
            .failoverTimeMillis(config.failoverTimeMillis())
            .shardSyncIntervalMillis(config.shardSyncIntervalMillis())
            .dynamoDbLockBasedLeaderLeaseDurationInMillis(config.leaderLeaseMillis())
            // KCL's own ratio: four heartbeats per leader lease (30 s for the default 120 s).
            .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(config.leaderLeaseMillis() / 4),
        configs.lifecycleConfig(),
        // The CloudWatch client is still required, but with these metrics off it is never called.
        configs.metricsConfig().metricsFactory(new NullMetricsFactory()),
        configs.processorConfig(),
        configs
            .retrievalConfig()
            .retrievalSpecificConfig(
                new PollingConfig(config.streamName(), clients.kinesis())
                    .maxRecords(config.maxRecords())
                    .idleTimeBetweenReadsInMillis(config.idleBetweenReadsMillis())));
  }
}
