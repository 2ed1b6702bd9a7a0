package io.precursor.ingest.metrics;

import java.nio.charset.StandardCharsets;

/**
 * Which DB instances and clusters one of several poller replicas polls, so that together they poll
 * the whole fleet and no identifier twice.
 *
 * <p>Each identifier goes to the replica with the highest rendezvous score, a 64-bit hash of the
 * identifier and the replica index (FNV-1a, then a murmur3 finalizer). Every replica computes the
 * same owner from the identifier alone, without talking to the others, across restarts and JVMs;
 * going from {@code n} to {@code n + 1} replicas moves only about {@code 1/(n + 1)} of the fleet.
 * Replicas must agree on the count: during a rolling change of the count an identifier can be
 * polled twice or missed for one interval, and downstream drops the duplicates.
 *
 * @param index this replica, from 0 to {@code count - 1}
 * @param count how many replicas share the fleet
 */
public record FleetShare(int index, int count) {

  /** One replica polls everything. */
  public static final FleetShare ALL = new FleetShare(0, 1);

  public FleetShare {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "replica index " + index + " must be within 0.." + (count - 1) + " of " + count);
    }
  }

  /** Whether this replica polls {@code identifier}. */
  public boolean owns(String identifier) {
    return count == 1 || ownerOf(identifier) == index;
  }

  /** The replica that polls {@code identifier}. */
  public int ownerOf(String identifier) {
    long identity = fnv1a(identifier);
    int owner = 0;
    long best = Long.MIN_VALUE;
    for (int replica = 0; replica < count; replica++) {
      long score = mix(identity ^ (0x9E3779B97F4A7C15L * (replica + 1)));
      if (score > best) {
        best = score;
        owner = replica;
      }
    }
    return owner;
  }

  private static long fnv1a(String identifier) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : identifier.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  // murmur3's fmix64: FNV alone leaves similar names ("db-1", "db-2") with similar high bits.
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
