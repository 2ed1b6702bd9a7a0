package io.precursor.ingest;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the ingest stage: where it publishes and what it keeps of the logs. */
public final class IngestConfig extends AbstractConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String CLIENT_ID = "ingest.client.id";
  public static final String KEEP_SQL_TEXT = "ingest.slowlog.keep.sql";
  public static final String SQL_TEXT_MAX_CHARS = "ingest.slowlog.sql.max.chars";
  public static final String MAX_DECOMPRESSED_BYTES = "ingest.subscription.max.decompressed.bytes";
  public static final String REPLAY_SORT_MAX_RECORDS = "ingest.replay.sort.max.records";
  public static final String REPLAY_SORT_SPILL_DIR = "ingest.replay.sort.spill.dir";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              Importance.HIGH,
              "Kafka brokers to connect to, host:port[,host:port].")
          .define(
              CLIENT_ID,
              Type.STRING,
              "precursor-ingest",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Kafka client id of the ingest producer.")
          .define(
              KEEP_SQL_TEXT,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Keep the statement text of slow queries. Off by default: literals can be personal"
                  + " data, and fingerprints are enough for detection.")
          .define(
              SQL_TEXT_MAX_CHARS,
              Type.INT,
              2048,
              Range.between(16, 1 << 20),
              Importance.LOW,
              "Longest statement text kept when " + KEEP_SQL_TEXT + " is on.")
          .define(
              MAX_DECOMPRESSED_BYTES,
              Type.INT,
              8 << 20,
              Range.atLeast(1024),
              Importance.LOW,
              "Largest decompressed CloudWatch Logs subscription payload accepted; larger ones"
                  + " go to the dead-letter topic (gzip bombs).")
          .define(
              REPLAY_SORT_MAX_RECORDS,
              Type.INT,
              200_000,
              Range.atLeast(1),
              Importance.LOW,
              "Replay puts its input in event-time order; it holds at most this many records in"
                  + " memory and writes the rest as sorted runs to "
                  + REPLAY_SORT_SPILL_DIR
                  + ", merged at the end (about 1 KiB of heap per held record).")
          .define(
              REPLAY_SORT_SPILL_DIR,
              Type.STRING,
              "",
              Importance.LOW,
              "Folder for replay's sorted runs (deleted after the merge); empty: the system's"
                  + " temporary folder.");

  public IngestConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public String bootstrapServers() {
    return String.join(",", getList(BOOTSTRAP_SERVERS));
  }
}
