package io.precursor.ingest.events;

import io.precursor.ingest.files.DbEventClassifier;
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
        .setCluster(type == DbEventSourceType.DB_CLUSTER ? event.sourceIdentifier() : null)
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
