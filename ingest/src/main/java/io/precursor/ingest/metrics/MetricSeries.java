package io.precursor.ingest.metrics;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * One CloudWatch series the poller reads: a metric and statistic of a DB instance, a cluster, or a
 * cluster's writer or reader role, named the way {@code MetricSample} names it.
 *
 * @param scope INSTANCE for DBInstanceIdentifier series, CLUSTER for DBClusterIdentifier ones
 * @param instance the record key: the instance, the cluster, or {@code <cluster>/WRITER}
 * @param cluster the cluster, or null when an instance's cluster is unknown
 * @param role WRITER or READER for DBClusterIdentifier + Role series, else null
 */
public record MetricSeries(
    MetricScope scope,
    String instance,
    String cluster,
    String role,
    String metric,
    String statistic) {

  static final String NAMESPACE = "AWS/RDS";

  /** A DBInstanceIdentifier series. */
  public static MetricSeries ofInstance(
      String instance, String cluster, String metric, String statistic) {
    return new MetricSeries(MetricScope.INSTANCE, instance, cluster, null, metric, statistic);
  }

  /** A DBClusterIdentifier series. */
  public static MetricSeries ofCluster(String cluster, String metric, String statistic) {
    return new MetricSeries(MetricScope.CLUSTER, cluster, cluster, null, metric, statistic);
  }

  /** A DBClusterIdentifier + Role series, keyed {@code <cluster>/<role>} like the file exports. */
  public static MetricSeries ofRole(String cluster, String role, String metric, String statistic) {
    return new MetricSeries(
        MetricScope.CLUSTER, cluster + "/" + role, cluster, role, metric, statistic);
  }

  /** The series a published sample belongs to. */
  static MetricSeries of(MetricSample sample) {
    String instance = sample.getInstance();
    String cluster = sample.getCluster();
    if (sample.getScope() == MetricScope.INSTANCE || cluster == null) {
      return ofInstance(instance, cluster, sample.getMetric(), sample.getStatistic());
    }
    if (instance.equals(cluster)) {
      return ofCluster(cluster, sample.getMetric(), sample.getStatistic());
    }
    return ofRole(
        cluster,
        instance.substring(cluster.length() + 1),
        sample.getMetric(),
        sample.getStatistic());
  }

  /** The identifier whose replica polls this series: the instance, or the cluster. */
  public String owner() {
    return scope == MetricScope.INSTANCE ? instance : cluster;
  }

  /** The series as a GetMetricData query names it. */
  MetricStat metricStat(Duration period) {
    List<Dimension> dimensions = new ArrayList<>();
    if (scope == MetricScope.INSTANCE) {
      dimensions.add(dimension("DBInstanceIdentifier", instance));
    } else {
      dimensions.add(dimension("DBClusterIdentifier", cluster));
      if (role != null) {
        dimensions.add(dimension("Role", role));
      }
    }
    return MetricStat.builder()
        .metric(
            Metric.builder().namespace(NAMESPACE).metricName(metric).dimensions(dimensions).build())
        .period((int) period.toSeconds())
        .stat(statistic)
        .build();
  }

  /** One datapoint of this series as the record published for it. */
  MetricSample sample(Instant time, double value, Duration period, boolean revision) {
    return MetricSample.newBuilder()
        .setInstance(instance)
        .setCluster(cluster)
        .setScope(scope)
        .setMetric(metric)
        .setTime(time)
        .setValue(value)
        .setStatistic(statistic)
        .setPeriodSeconds((int) period.toSeconds())
        .setRevision(revision)
        .build();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }
}
