package io.precursor.ingest.events;

import io.precursor.ingest.files.DbEventClassifier;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventSourceType;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns an event of the DescribeEvents API into a {@link DbEvent}, its kind from the one
 * classification table, {@link DbEventClassifier}, by categories and message text (DescribeEvents
 * has no event id, FACTS 3.7).
 */
final class DescribedEvents {

  private DescribedEvents() {}

  /**
   * The event as Precursor names it, its time in milliseconds as the topic keeps it.
   *
   * @throws IllegalArgumentException when it has no source identifier, date or message
   */
  static DbEvent toDbEvent(software.amazon.awssdk.services.rds.model.Event event) {
    return toDbEvent(event, InstanceClusters.NONE);
  }

  /**
   * The event, a DB instance event with its cluster when {@code clusters} knows it (as the exports
   * name it).
   *
   * @throws IllegalArgumentException when it has no source identifier, date or message
   */
  static DbEvent toDbEvent(
      software.amazon.awssdk.services.rds.model.Event event, InstanceClusters clusters) {
    if (event.sourceIdentifier() == null || event.date() == null || event.message() == null) {
      throw new IllegalArgumentException(
          "an RDS event needs SourceIdentifier, Date and Message; this one has "
              + event.sourceIdentifier()
              + ", "
              + event.date()
              + ", "
              + event.message());
    }
    DbEventSourceType type =
        switch (event.sourceType() == null ? "" : event.sourceTypeAsString()) {
          case "db-cluster" -> DbEventSourceType.DB_CLUSTER;
          case "db-instance" -> DbEventSourceType.DB_INSTANCE;
          default -> DbEventSourceType.OTHER;
        };
    List<String> categories = event.eventCategories();
    return DbEvent.newBuilder()
        .setSourceId(event.sourceIdentifier())
        .setSourceType(type)
        .setCluster(
            switch (type) {
              case DB_CLUSTER -> event.sourceIdentifier();
              case DB_INSTANCE -> clusters.clusterOf(event.sourceIdentifier());
              case OTHER -> null;
            })
        .setInstance(type == DbEventSourceType.DB_INSTANCE ? event.sourceIdentifier() : null)
        .setTime(event.date().truncatedTo(ChronoUnit.MILLIS))
        .setKind(DbEventClassifier.classify(null, categories, event.message()))
        .setEventId(null)
        .setMessage(event.message())
        .setCategories(List.copyOf(categories))
        .setSourceArn(event.sourceArn())
        .build();
  }
}
