package io.precursor.scenarios.metrics;

/**
 * The AWS/RDS metrics scenarios generate, with how many decimals their values carry (bytes are
 * whole, latencies in seconds need microseconds).
 */
public enum RdsMetric {
  FREEABLE_MEMORY("FreeableMemory", 0),
  SWAP_USAGE("SwapUsage", 0),
  BIN_LOG_DISK_USAGE("BinLogDiskUsage", 0),
  CPU_CREDIT_BALANCE("CPUCreditBalance", 2),
  CPU_UTILIZATION("CPUUtilization", 4),
  DISK_QUEUE_DEPTH("DiskQueueDepth", 4),
  READ_IOPS("ReadIOPS", 4),
  WRITE_IOPS("WriteIOPS", 4),
  READ_LATENCY("ReadLatency", 6),
  WRITE_LATENCY("WriteLatency", 6),
  READ_THROUGHPUT("ReadThroughput", 2),
  WRITE_THROUGHPUT("WriteThroughput", 2),
  NETWORK_THROUGHPUT("NetworkThroughput", 2),
  COMMIT_LATENCY("CommitLatency", 4),
  COMMIT_THROUGHPUT("CommitThroughput", 4),
  DML_LATENCY("DMLLatency", 4),
  DML_THROUGHPUT("DMLThroughput", 4),
  SELECT_LATENCY("SelectLatency", 4),
  SELECT_THROUGHPUT("SelectThroughput", 4),
  DATABASE_CONNECTIONS("DatabaseConnections", 0),
  DEADLOCKS("Deadlocks", 4),
  BUFFER_CACHE_HIT_RATIO("BufferCacheHitRatio", 4),
  AURORA_REPLICA_LAG("AuroraReplicaLag", 3),
  AURORA_REPLICA_LAG_MAXIMUM("AuroraReplicaLagMaximum", 3);

  private final String metricName;
  private final int decimals;

  RdsMetric(String metricName, int decimals) {
    this.metricName = metricName;
    this.decimals = decimals;
  }

  public String metricName() {
    return metricName;
  }

  public int decimals() {
    return decimals;
  }
}
