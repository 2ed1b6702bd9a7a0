package io.precursor.ingest.subscription;

import static io.precursor.ingest.logs.Fixtures.bytes;
import static io.precursor.ingest.logs.Fixtures.gzip;
import static io.precursor.ingest.logs.Fixtures.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.subscription.SubscriptionMessage.ControlMessage;
import io.precursor.ingest.subscription.SubscriptionMessage.DataMessage;
import io.precursor.ingest.subscription.SubscriptionMessage.RdsEvent;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SubscriptionDecoderTest {

  private final SubscriptionDecoder decoder = new SubscriptionDecoder();

  @Test
  void shouldDecodeDataMessageFromGzippedRecord() throws Exception {
    byte[] record = gzip(text("subscription/slowquery-data-message.json"));

    SubscriptionMessage message = decoder.decode(record);

    assertThat(message).isInstanceOf(DataMessage.class);
    DataMessage data = (DataMessage) message;
    assertThat(data.owner()).isEqualTo("123456789012");
    assertThat(data.logGroup()).isEqualTo("/aws/rds/cluster/orders-prod/slowquery");
    assertThat(data.logStream()).isEqualTo("orders-prod-instance-1");
    assertThat(data.subscriptionFilters()).containsExactly("precursor-slowquery");
    assertThat(data.logEvents()).hasSize(2);
    assertThat(data.logEvents().get(0).timestamp()).isEqualTo(1794906723200L);
    assertThat(data.logEvents().get(0).message())
        .startsWith("# Time: 2026-11-17T09:12:03.123456Z\n");
    assertThat(data.batch().events()).isEqualTo(data.logEvents());
  }

  @Test
  void shouldDecodeCommittedGzipFixture() throws Exception {
    SubscriptionMessage message = decoder.decode(bytes("subscription/error-data-message.json.gz"));

    assertThat(message)
        .isEqualTo(
            new DataMessage(
                "123456789012",
                "/aws/rds/instance/billing-db/error",
                "billing-db",
                java.util.List.of("precursor-error"),
                java.util.List.of(
                    new LogEvent(
                        "38201473610383651738205349811223419394357616386212660000",
                        1794908832400L,
                        "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions"
                            + " deadlock detected, dumping detailed information."))));
  }

  @Test
  void shouldKeepLogEventIdsLongerThanALongAsText() throws Exception {
    DataMessage data =
        (DataMessage) decoder.decode(gzip(text("subscription/slowquery-data-message.json")));

    assertThat(data.logEvents().get(1).id())
        .isEqualTo("38201473610383651738205349811223419394357616386212659201");
  }

  @Test
  void shouldRecogniseControlMessage() throws Exception {
    SubscriptionMessage message = decoder.decode(gzip(text("subscription/control-message.json")));

    assertThat(message)
        .isEqualTo(
            new ControlMessage(
                "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."));
  }

  @Test
  void shouldRecogniseRdsEventThatIsNotGzipped() throws Exception {
    byte[] record = bytes("subscription/rds-cluster-failover-event.json");

    SubscriptionMessage message = decoder.decode(record);

    assertThat(message).isInstanceOf(RdsEvent.class);
    RdsEvent event = (RdsEvent) message;
    assertThat(event.detailType()).isEqualTo("RDS DB Cluster Event");
    assertThat(event.json()).isEqualTo(new String(record, UTF_8));
  }

  @Test
  void shouldRefuseEventBridgeEventFromAnotherSource() {
    byte[] record =
        "{\"source\":\"aws.ec2\",\"detail-type\":\"EC2 Instance State\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("source 'aws.ec2'");
  }

  @Test
  void shouldRefuseRecordThatIsNeitherGzipNorJson() {
    byte[] record = {0x00, 0x01, 0x02, 0x03, 0x04};

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("neither gzip")
        .hasMessageContaining("bytes 00 01 02 03");
  }

  @Test
  void shouldExplainRecordThatWasBase64EncodedTwice() {
    byte[] record = Base64.getEncoder().encode(gzip(text("subscription/control-message.json")));

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("base64")
        .hasMessageContaining("encoded it twice");
  }

  @Test
  void shouldRefuseEmptyRecord() {
    assertThatThrownBy(() -> decoder.decode(new byte[0]))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("the record is empty");
  }

  @Test
  void shouldRefuseCorruptGzip() {
    byte[] record = gzip(text("subscription/slowquery-data-message.json"));
    record[record.length - 8] ^= 0x5a; // the CRC32 of the trailer no longer matches

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("corrupt gzip");
  }

  @Test
  void shouldRefuseTruncatedGzip() {
    byte[] whole = gzip(text("subscription/slowquery-data-message.json"));
    byte[] record = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("truncated gzip")
        .hasMessageContaining(record.length + " bytes received");
  }

  @Test
  void shouldRefuseBrokenJson() {
    byte[] record = gzip("{\"messageType\": \"DATA_MESSAGE\", \"logGroup\": ");

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("the payload is not valid JSON")
        .hasMessageContaining("line 1");
  }

  @Test
  void shouldRefuseJsonThatIsNotAnObject() {
    assertThatThrownBy(() -> decoder.decode(gzip("[1, 2]")))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("not an object");
  }

  @Test
  void shouldRefuseDataMessageWithoutLogGroup() {
    String json =
        text("subscription/slowquery-data-message.json").replace("\"logGroup\"", "\"group\"");

    assertThatThrownBy(() -> decoder.decode(gzip(json)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("DATA_MESSAGE lacks field 'logGroup'");
  }

  @Test
  void shouldRefuseLogEventWithoutTimestamp() {
    String json =
        text("subscription/slowquery-data-message.json")
            .replace("\"timestamp\": 1794906792100", "\"time\": 1794906792100");

    assertThatThrownBy(() -> decoder.decode(gzip(json)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("logEvents[1] lacks an integer field 'timestamp'");
  }

  @Test
  void shouldRefuseLogEventsThatAreNotAnArray() {
    String json =
        "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\",\"logStream\":\"s\","
            + "\"subscriptionFilters\":[],\"logEvents\":{}}";

    assertThatThrownBy(() -> decoder.decode(gzip(json)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("DATA_MESSAGE field 'logEvents' is OBJECT, not an array");
  }

  @Test
  void shouldRefuseUnknownMessageType() {
    String json =
        text("subscription/control-message.json").replace("CONTROL_MESSAGE", "HEARTBEAT_MESSAGE");

    assertThatThrownBy(() -> decoder.decode(gzip(json)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "unknown messageType 'HEARTBEAT_MESSAGE' (expected DATA_MESSAGE or CONTROL_MESSAGE)");
  }

  @Test
  void shouldRefuseGzipBombAboveTheDefaultLimit() {
    byte[] record = gzip(new byte[9 * 1024 * 1024]); // 9 MiB of zeros compress to ~9 KB

    assertThatThrownBy(() -> decoder.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("more than 8388608 bytes")
        .hasMessageContaining("gzip bomb");
  }

  @Test
  void shouldRefusePayloadAboveAConfiguredLimit() {
    SubscriptionDecoder small = new SubscriptionDecoder(1024);
    byte[] record = gzip(text("subscription/slowquery-data-message.json"));

    assertThatThrownBy(() -> small.decode(record))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("more than 1024 bytes");
  }

  @Test
  void shouldRejectANonPositiveLimitAtConstruction() {
    assertThatThrownBy(() -> new SubscriptionDecoder(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDecompressedBytes");
  }
}
