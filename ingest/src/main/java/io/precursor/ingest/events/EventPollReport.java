package io.precursor.ingest.events;

import java.time.Instant;

/**
 * What one RDS event poll did.
 *
 * @param start StartTime asked for
 * @param end EndTime asked for, the new position
 * @param requests DescribeEvents pages answered
 * @param received events RDS returned
 * @param published events published
 * @param duplicatesDropped events already published (same source, time and message)
 * @param othersShare events of sources another replica polls
 * @param unreadable events without source, date or message, sent to the dead-letter topic
 * @param throttles calls RDS throttled and that were retried
 * @param serverErrors calls that failed with a 5xx or could not connect and were retried
 * @param remembered events kept in memory to drop duplicates next time
 * @param withoutCluster DB instance events published without a cluster: neither configuration nor
 *     DescribeDBInstances named one (an instance outside any cluster, or one deleted before it was
 *     listed)
 */
public record EventPollReport(
    Instant start,
    Instant end,
    int requests,
    int received,
    int published,
    int duplicatesDropped,
    int othersShare,
    int unreadable,
    int throttles,
    int serverErrors,
    int remembered,
    int withoutCluster) {

  @Override
  public String toString() {
    return String.format(
        "event poll [%s, %s]: %d pages, %d events, %d published, %d duplicates dropped, %d of"
            + " other replicas, %d unreadable, %d throttled, %d server errors, %d remembered, %d instance events"
            + " without a cluster",
        start,
        end,
        requests,
        received,
        published,
        duplicatesDropped,
        othersShare,
        unreadable,
        throttles,
        serverErrors,
        remembered,
        withoutCluster);
  }
}
