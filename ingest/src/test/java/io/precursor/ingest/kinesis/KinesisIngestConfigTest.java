package io.precursor.ingest.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.kinesis.common.InitialPositionInStream;

class KinesisIngestConfigTest {

  private static KinesisIngestConfig config(String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put(KinesisIngestConfig.STREAM, "precursor-logs");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return new KinesisIngestConfig(settings);
  }

  @Test
  void shouldDefaultToTheOldestRecordsTheSdkRegionAndKclTimings() {
    KinesisIngestConfig config = config();

    assertThat(config.streamName()).isEqualTo("precursor-logs");
    assertThat(config.applicationName()).isEqualTo("precursor-ingest");
    assertThat(config.initialPosition().getInitialPositionInStream())
        .isEqualTo(InitialPositionInStream.TRIM_HORIZON);
    assertThat(config.region()).isEmpty();
    assertThat(config.kinesisEndpoint()).isEmpty();
    assertThat(config.dynamoDbEndpoint()).isEmpty();
    assertThat(config.failoverTimeMillis()).isEqualTo(10_000);
    assertThat(config.shardSyncIntervalMillis()).isEqualTo(60_000);
    assertThat(config.maxRecords()).isEqualTo(10_000);
    assertThat(config.idleBetweenReadsMillis()).isEqualTo(1_500);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadEveryOptionGiven() {
    KinesisIngestConfig config =
        config(
            KinesisIngestConfig.APPLICATION_NAME, "precursor-ingest-eu",
            KinesisIngestConfig.REGION, "eu-west-3",
            KinesisIngestConfig.KINESIS_ENDPOINT, "http://localhost:4566",
            KinesisIngestConfig.DYNAMODB_ENDPOINT, "https://dynamodb.internal:8000/",
            KinesisIngestConfig.INITIAL_POSITION, "latest",
            KinesisIngestConfig.FAILOVER_TIME_MS, "2000",
            KinesisIngestConfig.SHARD_SYNC_INTERVAL_MS, "500");

    assertThat(config.applicationName()).isEqualTo("precursor-ingest-eu");
    assertThat(config.region()).contains(Region.EU_WEST_3);
    assertThat(config.kinesisEndpoint()).contains(URI.create("http://localhost:4566"));
    assertThat(config.dynamoDbEndpoint()).contains(URI.create("https://dynamodb.internal:8000/"));
    assertThat(config.initialPosition().getInitialPositionInStream())
        .isEqualTo(InitialPositionInStream.LATEST);
    assertThat(config.failoverTimeMillis()).isEqualTo(2_000);
    assertThat(config.shardSyncIntervalMillis()).isEqualTo(500);
  }

  @Test
  void shouldRequireTheStreamName() {
    assertThatThrownBy(() -> new KinesisIngestConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.STREAM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "logs stream", "logs/stream", "ünïcode"})
  void shouldRejectAStreamNameKinesisWouldRefuse(String name) {
    assertThatThrownBy(() -> config(KinesisIngestConfig.STREAM, name))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.STREAM)
        .hasMessageContaining("must be a Kinesis stream name");
  }

  @Test
  void shouldRejectAnApplicationNameThatCannotNameALeaseTable() {
    assertThatThrownBy(() -> config(KinesisIngestConfig.APPLICATION_NAME, "ab"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.APPLICATION_NAME)
        .hasMessageContaining("3 to 255 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU-WEST-1", "eu_west_1", "europe", "us-east"})
  void shouldRejectSomethingThatIsNotARegionCode(String region) {
    assertThatThrownBy(() -> config(KinesisIngestConfig.REGION, region))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.REGION)
        .hasMessageContaining("AWS region code such as us-east-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-gov-west-1", "ap-southeast-4", "cn-northwest-1", "il-central-1"})
  void shouldAcceptEveryShapeOfRegionCode(String region) {
    assertThat(config(KinesisIngestConfig.REGION, region).region()).contains(Region.of(region));
  }

  @Test
  void shouldRejectAnEndpointWithoutHttpScheme() {
    assertThatThrownBy(() -> config(KinesisIngestConfig.KINESIS_ENDPOINT, "localhost:4566"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(KinesisIngestConfig.KINESIS_ENDPOINT + " must start with http:// or https://");
  }

  @Test
  void shouldRejectAnEndpointWithAPath() {
    assertThatThrownBy(
            () -> config(KinesisIngestConfig.DYNAMODB_ENDPOINT, "http://localhost:8000/tables"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            KinesisIngestConfig.DYNAMODB_ENDPOINT
                + " must be scheme://host[:port] only, without a path or query");
  }

  @Test
  void shouldRejectAnEndpointCarryingCredentialsWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                config(
                    KinesisIngestConfig.KINESIS_ENDPOINT,
                    "https://AKIDEXAMPLE:s3cr3t@kinesis.local"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  @Test
  void shouldRejectAnUnknownInitialPositionListingTheKnownOnes() {
    assertThatThrownBy(() -> config(KinesisIngestConfig.INITIAL_POSITION, "AT_SEQUENCE_NUMBER"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.INITIAL_POSITION)
        .hasMessageContaining("TRIM_HORIZON")
        .hasMessageContaining("LATEST");
  }

  @Test
  void shouldRejectTimingsOutsideWhatKclCanWorkWith() {
    assertThatThrownBy(() -> config(KinesisIngestConfig.FAILOVER_TIME_MS, "100"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.FAILOVER_TIME_MS);
    assertThatThrownBy(() -> config(KinesisIngestConfig.IDLE_BETWEEN_READS_MS, "50"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.IDLE_BETWEEN_READS_MS);
    assertThatThrownBy(() -> config(KinesisIngestConfig.MAX_RECORDS, "10001"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KinesisIngestConfig.MAX_RECORDS);
  }
}
