package io.precursor.streams.baseline;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import io.precursor.streams.window.InstanceSignal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;

/**
 * Which DB instance an RDS event concerns, and the role it leaves it in: instance events name their
 * instance; a cluster's failover events name the instance being promoted ("... failover to DB
 * instance: X"), and a demoted writer says it is "restarting ... as a reader".
 */
public final class LifecycleEvents {

  private static final Set<DbEventKind> RELEVANT =
      Set.of(
          DbEventKind.FAILOVER_STARTED,
          DbEventKind.FAILOVER_COMPLETED,
          DbEventKind.FAILOVER_FAILED,
          DbEventKind.RESTART,
          DbEventKind.REBOOT,
          DbEventKind.SHUTDOWN);

  private static final Pattern PROMOTED = Pattern.compile("DB instance:?\\s+([A-Za-z0-9-]+)");

  private LifecycleEvents() {}

  /** The instance the event concerns with its lifecycle signal; empty when it names none. */
  public static List<KeyValue<String, InstanceSignal>> of(DbEvent event) {
    if (!RELEVANT.contains(event.getKind())) {
      return List.of();
    }
    long time = event.getTime().toEpochMilli();
    String kind = event.getKind().name();
    String message = event.getMessage() == null ? "" : event.getMessage();
    if (event.getSourceType() == DbEventSourceType.DB_INSTANCE) {
      String role = message.toLowerCase(Locale.ROOT).contains("as a reader") ? "READER" : null;
      return List.of(
          KeyValue.pair(
              event.getSourceId(),
              InstanceSignal.ofLifecycle(
                  event.getCluster(), new InstanceSignal.Lifecycle(time, kind, role))));
    }
    Matcher promoted = PROMOTED.matcher(message);
    String instance = event.getInstance() != null ? event.getInstance() : null;
    if (instance == null && promoted.find()) {
      instance = promoted.group(1);
    }
    if (instance == null) {
      return List.of();
    }
    String role = event.getKind() == DbEventKind.FAILOVER_COMPLETED ? "WRITER" : null;
    String cluster = event.getCluster() != null ? event.getCluster() : event.getSourceId();
    return List.of(
        KeyValue.pair(
            instance,
            InstanceSignal.ofLifecycle(cluster, new InstanceSignal.Lifecycle(time, kind, role))));
  }
}
