package io.precursor.scenarios.awscli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.TimeOrderedMerge;
import io.precursor.scenarios.shape.Seeds;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the records a CloudWatch Logs subscription delivers to one Kinesis shard, as {@code aws
 * kinesis get-records} prints them, one file per call of at most 10,000 records.
 */
public final class KinesisGetRecordsWriter {

  /** GetRecords returns at most this many records per call. */
  public static final int MAX_RECORDS_PER_CALL = 10_000;

  private final String streamName;
  private final String owner;
  private final String filterName;
  private final long seed;
  private final int recordsPerFile;
  private final Duration flushWindow;

  /**
   * @param streamName the Kinesis stream, which names the files
   * @param owner the AWS account id the log data belongs to
   * @param filterName the subscription filter's name
   */
  public KinesisGetRecordsWriter(
      String streamName, String owner, String filterName, long seed, int recordsPerFile) {
    if (recordsPerFile < 1 || recordsPerFile > MAX_RECORDS_PER_CALL) {
      throw new IllegalArgumentException(
          "records per file must be 1.." + MAX_RECORDS_PER_CALL + ", got " + recordsPerFile);
    }
    this.streamName = streamName;
    this.owner = owner;
    this.filterName = filterName;
    this.seed = seed;
    this.recordsPerFile = recordsPerFile;
    this.flushWindow = Duration.ofSeconds(2);
  }

  /**
   * Writes {@code <stream>.json} into {@code directory}, or {@code <stream>-00001.json} and on when
   * the records need more than one call. The first record is the subscription's control message at
   * {@code subscribedAt}.
   */
  public KinesisExport write(Path directory, Instant subscribedAt, List<LogSource> sources)
      throws IOException {
    Files.createDirectories(directory);
    List<LogSource> ordered =
        sources.stream().sorted(Comparator.comparing(LogSource::stream)).toList();
    List<Iterator<SubscriptionRecord>> perStream = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      LogSource source = ordered.get(i);
      long streamSeed =
          Seeds.derive(seed, source.stream().logGroup() + source.stream().logStream());
      perStream.add(new SubscriptionBatcher(source, i, flushWindow, streamSeed));
    }
    Iterator<SubscriptionRecord> records =
        new TimeOrderedMerge<>(perStream, Comparator.comparing(SubscriptionRecord::arrival));

    Pages pages = new Pages(directory);
    Map<String, Long> eventsByType = new TreeMap<>();
    long index = 0;
    pages.writeRecord(
        sequenceNumber(subscribedAt, index++),
        subscribedAt,
        SubscriptionPayload.controlMessage(subscribedAt),
        partitionKey(""));
    while (records.hasNext()) {
      SubscriptionRecord record = records.next();
      pages.rollIfFull(true);
      pages.writeRecord(
          sequenceNumber(record.arrival(), index++),
          record.arrival(),
          SubscriptionPayload.dataMessage(owner, filterName, record),
          partitionKey(record.stream().logGroup() + "/" + record.stream().logStream()));
      eventsByType.merge(record.stream().logType(), (long) record.events().size(), Long::sum);
    }
    pages.finish();
    return new KinesisExport(pages.files, index, eventsByType);
  }

  /**
   * Kinesis sequence numbers are 56-digit decimals that grow within a shard: a per-stream prefix,
   * the arrival time and the record's place.
   */
  private String sequenceNumber(Instant arrival, long index) {
    long prefix = Seeds.nineteenDigits(Seeds.derive(seed, streamName));
    return String.format(Locale.ROOT, "49%019d%013d%022d", prefix, arrival.toEpochMilli(), index);
  }

  // Which key CloudWatch Logs uses is not documented; a stable hash per log stream keeps each
  // stream's records together, as the ByLogStream distribution does.
  private String partitionKey(String logStream) {
    return String.format(
        Locale.ROOT,
        "%016x%016x",
        Seeds.derive(seed, "pk1" + logStream),
        Seeds.derive(seed, "pk2" + logStream));
  }

  /** The output files, one per GetRecords call. */
  private final class Pages {
    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    private OutputStream out;
    private JsonGenerator json;
    private int recordsInPage;

    Pages(Path directory) {
      this.directory = directory;
    }

    void rollIfFull(boolean moreToCome) throws IOException {
      if (json != null && recordsInPage == recordsPerFile) {
        close(moreToCome);
      }
    }

    void writeRecord(String sequenceNumber, Instant arrival, byte[] data, String partitionKey)
        throws IOException {
      if (json == null) {
        open();
      }
      json.writeStartObject();
      json.writeStringField("SequenceNumber", sequenceNumber);
      json.writeStringField("ApproximateArrivalTimestamp", CliTimestamp.format(arrival));
      json.writeStringField("Data", Base64.getEncoder().encodeToString(data));
      json.writeStringField("PartitionKey", partitionKey);
      json.writeEndObject();
      recordsInPage++;
    }

    void finish() throws IOException {
      if (json == null) {
        open();
      }
      close(false);
      if (files.size() == 1) {
        Path single = directory.resolve(streamName + ".json");
        Files.move(files.get(0), single);
        files.set(0, single);
      }
    }

    private void open() throws IOException {
      Path file =
          directory.resolve(
              String.format(Locale.ROOT, "%s-%05d.json", streamName, files.size() + 1));
      files.add(file);
      out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      json = CliJson.pretty(out);
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      recordsInPage = 0;
    }

    private void close(boolean moreToCome) throws IOException {
      json.writeEndArray();
      if (moreToCome) {
        // An opaque iterator for the next call; only its presence matters to readers.
        json.writeStringField(
            "NextShardIterator",
            Base64.getEncoder()
                .encodeToString(
                    (streamName + "/shardId-000000000000/" + files.size())
                        .getBytes(StandardCharsets.UTF_8)));
      } else {
        json.writeNullField("NextShardIterator");
      }
      json.writeNumberField("MillisBehindLatest", 0);
      json.writeEndObject();
      json.flush();
      out.write('\n');
      json.close();
      out.close();
      json = null;
    }
  }
}
