package io.precursor.ingest.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Which metrics are polled at which scope, with which statistics: per DB instance, per cluster, and
 * per writer or reader role of a cluster.
 *
 * @param instanceMetrics metrics read with the DBInstanceIdentifier dimension
 * @param clusterMetrics metrics read with the DBClusterIdentifier dimension
 * @param clusterRoles WRITER and/or READER: cluster metrics also read with the Role dimension
 * @param statistics CloudWatch statistics read for every metric
 */
public record MetricCatalogue(
    List<String> instanceMetrics,
    List<String> clusterMetrics,
    List<String> clusterRoles,
    List<String> statistics) {

  public MetricCatalogue {
    instanceMetrics = List.copyOf(instanceMetrics);
    clusterMetrics = List.copyOf(clusterMetrics);
    clusterRoles = List.copyOf(clusterRoles);
    statistics = List.copyOf(statistics);
  }

  /** The series of {@code fleet} that {@code share} polls, in a stable order. */
  public List<MetricSeries> series(Fleet fleet, FleetShare share) {
    List<MetricSeries> series = new ArrayList<>();
    for (String instance : fleet.instances()) {
      if (!share.owns(instance)) {
        continue;
      }
      for (String metric : instanceMetrics) {
        for (String statistic : statistics) {
          series.add(
              MetricSeries.ofInstance(instance, fleet.clusterOf(instance), metric, statistic));
        }
      }
    }
    for (String cluster : fleet.clusters()) {
      if (!share.owns(cluster)) {
        continue;
      }
      for (String metric : clusterMetrics) {
        for (String statistic : statistics) {
          series.add(MetricSeries.ofCluster(cluster, metric, statistic));
          for (String role : clusterRoles) {
            series.add(MetricSeries.ofRole(cluster, role, metric, statistic));
          }
        }
      }
    }
    return series;
  }
}
