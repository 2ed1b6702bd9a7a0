package io.precursor.ingest.events;

import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.ingest.metrics.FleetDiscovery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which cluster each DB instance belongs to, so that DescribeEvents' instance events, which name
 * only the instance, name their cluster too: the configured pairs, then what DescribeDBInstances
 * listed.
 *
 * <p>RDS is asked again only when an event newer than its last answer names an instance that no
 * answer listed (a new instance); an instance listed without a cluster stays without one, and an
 * instance listed once keeps its cluster after it is deleted, for its last events.
 */
final class ClusterMembership {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

  private final Map<String, String> configured;
  private final FleetDiscovery discovery;
  private final Clock clock;
  private final Map<String, Optional<String>> listed = new HashMap<>();
  private Instant listedAt;

  /**
   * @param configured instance to cluster, winning over what RDS lists
   * @param discovery asks DescribeDBInstances; null to use only {@code configured}
   */
  ClusterMembership(Map<String, String> configured, FleetDiscovery discovery, Clock clock) {
    this.configured = Map.copyOf(configured);
    this.discovery = discovery;
    this.clock = clock;
  }

  /**
   * The clusters of the instances whose events a poll read, asking RDS first when one of them is
   * new.
   *
   * @param newestEvents each instance a poll read events of, with the time of its newest one
   * @throws RuntimeException when RDS must be asked, cannot answer and never answered before
   */
  InstanceClusters clustersFor(Map<String, Instant> newestEvents, AwsRetry.Listener listener) {
    if (discovery != null && anyNew(newestEvents)) {
      Instant askedAt = clock.instant();
      try {
        Map<String, String> found = discovery.clusterOfEveryInstance(listener);
        found.forEach((instance, cluster) -> listed.put(instance, Optional.ofNullable(cluster)));
        listedAt = askedAt;
        LOG.info("DescribeDBInstances listed {} DB instances", found.size());
      } catch (RuntimeException e) {
        if (listedAt == null) {
          throw e;
        }
        LOG.warn(
            "DescribeDBInstances failed; instance events get the clusters known at {}: {}",
            listedAt,
            e.toString());
      }
    }
    Map<String, String> known = new HashMap<>();
    listed.forEach((instance, cluster) -> cluster.ifPresent(c -> known.put(instance, c)));
    known.putAll(configured);
    return new InstanceClusters(known);
  }

  private boolean anyNew(Map<String, Instant> newestEvents) {
    for (Map.Entry<String, Instant> event : newestEvents.entrySet()) {
      if (!configured.containsKey(event.getKey())
          && !listed.containsKey(event.getKey())
          && (listedAt == null || event.getValue().isAfter(listedAt))) {
        return true;
      }
    }
    return false;
  }
}
