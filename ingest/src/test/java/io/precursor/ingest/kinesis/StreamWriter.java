package io.precursor.ingest.kinesis;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records on a stream with PutRecords, as a subscription filter would, and remembers where
 * each landed: its shard and sequence number.
 */
final class StreamWriter {

  /** Where a record landed. */
  record Position(String shardId, String sequenceNumber) {
    String source() {
      return shardId + "/" + sequenceNumber;
    }
  }

  /** One record to put: its bytes and partition key. */
  record Entry(byte[] data, String partitionKey) {}

  private static final int MAX_PER_CALL = 500;

  private final KinesisAsyncClient client;
  private final String stream;

  StreamWriter(KinesisAsyncClient client, String stream) {
    this.client = client;
    this.stream = stream;
  }

  /**
   * Puts {@code entries} in order, 500 per call, re-putting any the stream throttled; returns each
   * entry's position, in the order given.
   */
  List<Position> put(List<Entry> entries) {
    Position[] positions = new Position[entries.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      pending.add(i);
    }
    Awaitility.await("every record accepted by stream " + stream)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<Integer> refused = new ArrayList<>();
              for (int from = 0; from < pending.size(); from += MAX_PER_CALL) {
                List<Integer> call =
                    pending.subList(from, Math.min(pending.size(), from + MAX_PER_CALL));
                PutRecordsResponse response =
                    client
                        .putRecords(
                            b ->
                                b.streamName(stream)
                                    .records(
                                        call.stream().map(i -> request(entries.get(i))).toList()))
                        .join();
                for (int k = 0; k < call.size(); k++) {
                  PutRecordsResultEntry result = response.records().get(k);
                  if (result.errorCode() == null) {
                    positions[call.get(k)] =
                        new Position(result.shardId(), result.sequenceNumber());
                  } else {
                    refused.add(call.get(k));
                  }
                }
              }
              pending.clear();
              pending.addAll(refused);
              return pending.isEmpty();
            });
    return List.of(positions);
  }

  /** The last sequence number put on each shard. */
  static Map<String, String> lastSequenceNumbers(List<Position> positions) {
    Map<String, String> last = new HashMap<>();
    for (Position position : positions) {
      last.merge(
          position.shardId(),
          position.sequenceNumber(),
          (a, b) -> new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b);
    }
    return last;
  }

  private static PutRecordsRequestEntry request(Entry entry) {
    return PutRecordsRequestEntry.builder()
        .data(SdkBytes.fromByteArray(entry.data()))
        .partitionKey(entry.partitionKey())
        .build();
  }
}
