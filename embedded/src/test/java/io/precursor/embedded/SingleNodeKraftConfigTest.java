package io.precursor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Endpoint;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class SingleNodeKraftConfigTest {

  private static final Path DATA_DIR = Path.of("/tmp/precursor-kafka-test/data");

  // Parsed by Kafka itself, so the assertions are about what the broker will actually do.
  private static KafkaConfig parse(Map<String, String> overrides) {
    return new KafkaConfig(SingleNodeKraftConfig.properties(DATA_DIR, 9093, overrides), false);
  }

  @Test
  void shouldBindEveryListenerToLoopbackWithTheControllerOnItsPreboundPort() {
    KafkaConfig config = parse(Map.of());

    assertThat(CollectionConverters.asJava(config.listeners()))
        .extracting(Endpoint::listener, Endpoint::host, Endpoint::port)
        .containsExactlyInAnyOrder(
            tuple("PLAINTEXT", "127.0.0.1", 0), tuple("CONTROLLER", "127.0.0.1", 9093));
    assertThat(config.quorumConfig().voters()).containsExactly("1@127.0.0.1:9093");
  }

  @Test
  void shouldLetOneNodeHostInternalTopicsAndTransactions() {
    KafkaConfig config = parse(Map.of());

    assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
    assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
    assertThat(config.getInt("transaction.state.log.min.isr")).isEqualTo(1);
    assertThat(config.getInt("group.initial.rebalance.delay.ms")).isZero();
    assertThat(config.autoCreateTopicsEnable()).isFalse();
    assertThat(config.metadataLogDir()).isEqualTo(DATA_DIR.toString());
  }

  @Test
  void shouldApplyTuningOverridesOverTheSingleNodeDefaults() {
    KafkaConfig config = parse(Map.of("num.partitions", "3", "auto.create.topics.enable", "true"));

    assertThat(config.numPartitions()).isEqualTo(3);
    assertThat(config.autoCreateTopicsEnable()).isTrue();
  }

  @Test
  void shouldRejectOverridesThatWouldMoveListenersQuorumOrDirectories() {
    assertThatThrownBy(
            () ->
                SingleNodeKraftConfig.requireTuningOnly(
                    Map.of("listeners", "PLAINTEXT://0.0.0.0:9092", "log.dirs", "/var/kafka")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[listeners, log.dirs]");
  }
}
