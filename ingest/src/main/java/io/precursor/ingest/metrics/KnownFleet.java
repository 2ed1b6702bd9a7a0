package io.precursor.ingest.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet named in configuration plus, when discovery is on, the one RDS describes, discovered
 * again every refresh interval; when discovery fails the last fleet stays in use.
 */
final class KnownFleet {

  private static final Logger LOG = LoggerFactory.getLogger(KnownFleet.class);

  private final Fleet named;
  private final FleetDiscovery discovery;
  private final Duration refresh;
  private final Clock clock;
  private Fleet current;
  private Instant discoveredAt;

  /**
   * @param discovery null when discovery is off
   */
  KnownFleet(Fleet named, FleetDiscovery discovery, Duration refresh, Clock clock) {
    this.named = named;
    this.discovery = discovery;
    this.refresh = refresh;
    this.clock = clock;
    this.current = named;
  }

  /** The fleet to poll now. */
  Fleet current(AwsRetry.Listener listener) {
    Instant now = clock.instant();
    if (discovery != null && (discoveredAt == null || !now.isBefore(discoveredAt.plus(refresh)))) {
      try {
        Fleet found = named.plus(discovery.discover(listener));
        if (!found.equals(current)) {
          LOG.info("metric poll fleet: {}", found);
        }
        current = found;
        discoveredAt = now;
      } catch (RuntimeException e) {
        if (discoveredAt == null) {
          throw e;
        }
        LOG.warn(
            "fleet discovery failed, polling the fleet found at {}: {}",
            discoveredAt,
            e.toString());
      }
    }
    return current;
  }
}
