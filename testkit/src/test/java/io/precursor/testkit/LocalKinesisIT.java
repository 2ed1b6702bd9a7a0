package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class LocalKinesisIT {

  private static LocalKinesis kinesis;

  @BeforeAll
  static void start() {
    kinesis = LocalKinesis.start();
  }

  @AfterAll
  static void stop() {
    if (kinesis != null) {
      kinesis.close();
    }
  }

  @Test
  void shouldHandBackTheBytesPutOnAStreamItCreated() {
    String stream = UniqueNames.topic("local-kinesis-it");
    kinesis.createStream(stream, 2);
    byte[] gzipLike = {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff};

    String shardId =
        kinesis
            .client()
            .putRecord(
                b ->
                    b.streamName(stream)
                        .partitionKey("ads-prod-1")
                        .data(SdkBytes.fromByteArray(gzipLike)))
            .join()
            .shardId();
    String iterator =
        kinesis
            .client()
            .getShardIterator(
                b ->
                    b.streamName(stream)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .join()
            .shardIterator();
    List<Record> records =
        kinesis.client().getRecords(b -> b.shardIterator(iterator)).join().records();

    assertThat(kinesis.shardIds(stream)).hasSize(2).contains(shardId);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).data().asByteArray()).isEqualTo(gzipLike);
    assertThat(records.get(0).partitionKey()).isEqualTo("ads-prod-1");
  }

  @Test
  void shouldListenOnTheLoopbackInterfaceOnly() throws IOException {
    int port = kinesis.endpoint().getPort();

    List<String> listening = listeningAddresses(port);

    assertThat(listening).as("sockets listening on port %d", port).isNotEmpty();
    assertThat(listening).allMatch(address -> address.equals("127.0.0.1"));
  }

  @Test
  void shouldStopTheProcessOnClose() throws IOException {
    LocalKinesis second = LocalKinesis.start();
    int port = second.endpoint().getPort();
    assertThat(listeningAddresses(port)).isNotEmpty();

    second.close();

    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
    assertThat(listeningAddresses(port)).isEmpty();
  }

  /** The local addresses of the TCP sockets listening on {@code port}, from Linux's /proc. */
  private static List<String> listeningAddresses(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      // One read: the table changes under us while other tests open and close sockets.
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        boolean listen = fields[3].equals("0A");
        if (listen && Integer.parseInt(local[1], 16) == port) {
          addresses.add(address(local[0]));
        }
      }
    }
    return addresses;
  }

  /** /proc/net/tcp writes addresses as little-endian hex words. */
  private static String address(String hex) {
    if (hex.length() == 8) {
      return String.format(
          Locale.ROOT,
          "%d.%d.%d.%d",
          Integer.parseInt(hex.substring(6, 8), 16),
          Integer.parseInt(hex.substring(4, 6), 16),
          Integer.parseInt(hex.substring(2, 4), 16),
          Integer.parseInt(hex.substring(0, 2), 16));
    }
    return switch (hex) {
      case "00000000000000000000000000000000" -> "::";
      case "00000000000000000000000001000000" -> "::1";
      default -> "ipv6:" + hex;
    };
  }
}
