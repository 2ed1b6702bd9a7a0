package io.precursor.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.topics.TopicsConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaSecurityPassthroughTest {

  @Test
  void shouldGiveEveryKafkaStreamsClientTheTlsAndSaslSettings() {
    Map<String, String> settings =
        Map.of(
            "bootstrap.servers", "b-1.msk:9098",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "AWS_MSK_IAM",
            "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
            "sasl.client.callback.handler.class",
                "software.amazon.msk.auth.iam.IAMClientCallbackHandler");

    Properties props =
        StreamsStage.properties(
            new StreamsStageConfig(settings), new TopicsConfig(settings), settings);
    StreamsConfig streams = new StreamsConfig(props);

    for (Map<String, Object> client :
        java.util.List.of(
            streams.getMainConsumerConfigs("g", "c", 0),
            streams.getProducerConfigs("p"),
            streams.getAdminConfigs("a"),
            streams.getRestoreConsumerConfigs("r"))) {
      assertThat(client)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
          .containsEntry(
              "sasl.client.callback.handler.class",
              "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }
  }
}
