package io.precursor.ingest.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Finds the fleet with DescribeDBClusters and DescribeDBInstances: the clusters and instances of
 * the wanted engines that carry the wanted tags, and every instance of a kept cluster.
 */
public final class FleetDiscovery {

  private static final int PAGE_SIZE = 100;

  private final RdsClient rds;
  private final AwsRetry retry;
  private final List<String> engines;
  private final Map<String, String> tags;
  private final Set<String> namedClusters;

  /**
   * @param engines engines to keep, e.g. aurora-mysql; empty keeps every engine
   * @param tags tag key to required value (null: any value); empty keeps everything
   * @param namedClusters clusters named in configuration, kept whatever their tags
   */
  public FleetDiscovery(
      RdsClient rds,
      AwsRetry retry,
      List<String> engines,
      Map<String, String> tags,
      Set<String> namedClusters) {
    this.rds = rds;
    this.retry = retry;
    this.engines = List.copyOf(engines);
    this.tags = new HashMap<>(tags);
    this.namedClusters = Set.copyOf(namedClusters);
  }

  /** The fleet as RDS describes it now; it knows the cluster of every instance it saw. */
  public Fleet discover(AwsRetry.Listener listener) {
    List<Filter> filters = engineFilters();
    Set<String> clusters = new TreeSet<>();
    String marker = null;
    do {
      String page = marker;
      DescribeDbClustersResponse response =
          retry.call(
              "DescribeDBClusters",
              () ->
                  rds.describeDBClusters(
                      r -> {
                        r.maxRecords(PAGE_SIZE).marker(page);
                        // An empty Filters list set on the request would be sent as an empty one.
                        if (!filters.isEmpty()) {
                          r.filters(filters);
                        }
                      }),
              listener);
      for (DBCluster cluster : response.dbClusters()) {
        if (namedClusters.contains(cluster.dbClusterIdentifier())
            || carriesTags(cluster.tagList())) {
          clusters.add(cluster.dbClusterIdentifier());
        }
      }
      marker = response.marker();
    } while (marker != null && !marker.isEmpty());

    Set<String> instances = new TreeSet<>();
    Map<String, String> clusterOf = new HashMap<>();
    eachInstance(
        listener,
        instance -> {
          String cluster = instance.dbClusterIdentifier();
          if (cluster != null) {
            clusterOf.put(instance.dbInstanceIdentifier(), cluster);
          }
          if ((cluster != null && clusters.contains(cluster)) || carriesTags(instance.tagList())) {
            instances.add(instance.dbInstanceIdentifier());
          }
        });
    return new Fleet(clusters, instances, clusterOf);
  }

  /**
   * Every DB instance of the wanted engines, whatever its tags, with its cluster, or with {@code
   * null} for an instance outside any cluster (DescribeDBInstances alone).
   */
  public Map<String, String> clusterOfEveryInstance(AwsRetry.Listener listener) {
    Map<String, String> clusterOf = new HashMap<>();
    eachInstance(
        listener,
        instance -> clusterOf.put(instance.dbInstanceIdentifier(), instance.dbClusterIdentifier()));
    return clusterOf;
  }

  /** Every page of DescribeDBInstances for the wanted engines (all engines when none is named). */
  private void eachInstance(AwsRetry.Listener listener, Consumer<DBInstance> instances) {
    List<Filter> filters = engineFilters();
    String marker = null;
    do {
      String page = marker;
      DescribeDbInstancesResponse response =
          retry.call(
              "DescribeDBInstances",
              () ->
                  rds.describeDBInstances(
                      r -> {
                        r.maxRecords(PAGE_SIZE).marker(page);
                        if (!filters.isEmpty()) {
                          r.filters(filters);
                        }
                      }),
              listener);
      response.dbInstances().forEach(instances);
      marker = response.marker();
    } while (marker != null && !marker.isEmpty());
  }

  private List<Filter> engineFilters() {
    return engines.isEmpty()
        ? List.of()
        : List.of(Filter.builder().name("engine").values(engines).build());
  }

  private boolean carriesTags(List<Tag> carried) {
    if (tags.isEmpty()) {
      return true;
    }
    Map<String, String> byKey = new HashMap<>();
    for (Tag tag : carried) {
      byKey.put(tag.key(), tag.value() == null ? "" : tag.value());
    }
    for (Map.Entry<String, String> wanted : tags.entrySet()) {
      String value = byKey.get(wanted.getKey());
      if (value == null || (wanted.getValue() != null && !wanted.getValue().equals(value))) {
        return false;
      }
    }
    return true;
  }
}
