package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventSourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the fields RDS events share in DescribeEvents output and EventBridge details ({@code
 * SourceIdentifier}, {@code SourceType}, {@code Message}, {@code EventCategories}, {@code Date},
 * {@code SourceArn}) into a {@link DbEvent}.
 */
final class RdsEventFields {

  private RdsEventFields() {}

  /**
   * @param eventId the EventID when the source carries one, else {@code null}
   * @param fallbackDate the date to use when the fields have none (EventBridge's {@code time})
   */
  static DbEvent toDbEvent(
      JsonNode fields, String eventId, Instant fallbackDate, InstanceClusters clusters)
      throws UnreadableItem {
    if (!fields.isObject()) {
      throw new UnreadableItem("an event is a JSON object, this is " + fields.getNodeType());
    }
    String sourceId = JsonFields.text(fields, "SourceIdentifier");
    String message = JsonFields.text(fields, "Message");
    Instant date =
        fields.hasNonNull("Date") || fallbackDate == null
            ? JsonFields.instantField(fields, "Date")
            : fallbackDate;
    List<String> categories = new ArrayList<>();
    for (JsonNode category : fields.path("EventCategories")) {
      categories.add(category.asText());
    }
    DbEventSourceType sourceType = sourceType(JsonFields.optionalText(fields, "SourceType"));
    // AWS's EventBridge examples write "rds:my-db-instance"; instance and cluster identifiers
    // cannot contain ':', so the prefix is never part of the name.
    if (sourceType != DbEventSourceType.OTHER && sourceId.startsWith("rds:")) {
      sourceId = sourceId.substring("rds:".length());
    }
    String cluster =
        switch (sourceType) {
          case DB_CLUSTER -> sourceId;
          case DB_INSTANCE -> clusters.clusterOf(sourceId);
          case OTHER -> null;
        };
    return DbEvent.newBuilder()
        .setSourceId(sourceId)
        .setSourceType(sourceType)
        .setCluster(cluster)
        .setInstance(sourceType == DbEventSourceType.DB_INSTANCE ? sourceId : null)
        .setTime(date)
        .setKind(DbEventClassifier.classify(eventId, categories, message))
        .setEventId(eventId)
        .setMessage(message)
        .setCategories(categories)
        .setSourceArn(JsonFields.optionalText(fields, "SourceArn"))
        .build();
  }

  /** DescribeEvents says {@code db-cluster}; EventBridge details say {@code CLUSTER}. */
  private static DbEventSourceType sourceType(String text) {
    if (text == null) {
      return DbEventSourceType.OTHER;
    }
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (normalized) {
      case "DB_CLUSTER", "CLUSTER" -> DbEventSourceType.DB_CLUSTER;
      case "DB_INSTANCE", "INSTANCE" -> DbEventSourceType.DB_INSTANCE;
      default -> DbEventSourceType.OTHER;
    };
  }
}
