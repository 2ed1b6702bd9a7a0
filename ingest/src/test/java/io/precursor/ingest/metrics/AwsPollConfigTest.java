package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AwsPollConfigTest {

  @Test
  void shouldLetTheSdkFindRegionAndEndpointsAndPollTheWholeFleetByDefault() {
    AwsPollConfig config = new AwsPollConfig(Map.of());

    assertThat(config.region()).isEmpty();
    assertThat(config.cloudWatchEndpoint()).isEmpty();
    assertThat(config.rdsEndpoint()).isEmpty();
    assertThat(config.fleetShare()).isEqualTo(FleetShare.ALL);
  }

  @Test
  void shouldReadRegionEndpointsAndReplicaShare() {
    AwsPollConfig config =
        new AwsPollConfig(
            Map.of(
                AwsPollConfig.REGION, "eu-west-1",
                AwsPollConfig.CLOUDWATCH_ENDPOINT, "https://monitoring.eu-west-1.amazonaws.com",
                AwsPollConfig.REPLICA_INDEX, "2",
                AwsPollConfig.REPLICA_COUNT, "3"));

    assertThat(config.region()).contains("eu-west-1");
    assertThat(config.cloudWatchEndpoint())
        .contains(URI.create("https://monitoring.eu-west-1.amazonaws.com"));
    assertThat(config.fleetShare()).isEqualTo(new FleetShare(2, 3));
  }

  @Test
  void shouldRefuseAReplicaIndexOutsideTheCount() {
    assertThatThrownBy(
            () ->
                new AwsPollConfig(
                    Map.of(AwsPollConfig.REPLICA_INDEX, "3", AwsPollConfig.REPLICA_COUNT, "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AwsPollConfig.REPLICA_INDEX)
        .hasMessageContaining("below");
  }

  @Test
  void shouldRefuseAnEndpointThatIsNotAnHttpUrl() {
    for (String bad : new String[] {"localhost:4566", "ftp://host", "http://", "::"}) {
      assertThatThrownBy(() -> new AwsPollConfig(Map.of(AwsPollConfig.RDS_ENDPOINT, bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(AwsPollConfig.RDS_ENDPOINT);
    }
  }

  @Test
  void shouldRefuseAMaximumBackoffBelowTheFirst() {
    assertThatThrownBy(
            () ->
                new AwsPollConfig(
                    Map.of(
                        AwsPollConfig.RETRY_BACKOFF_MS, "1000",
                        AwsPollConfig.RETRY_BACKOFF_MAX_MS, "500")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AwsPollConfig.RETRY_BACKOFF_MAX_MS);
  }
}
