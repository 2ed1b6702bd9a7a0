package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventIdDeduplicatorTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");
  private static final Duration RETENTION = Duration.ofHours(2);

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> entries;
  private TestOutputTopic<String, String> passed;

  /** Values are "eventId:text"; the id is what comes before the colon. */
  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore("seen", RETENTION, RETENTION, false),
            Serdes.String(),
            Serdes.Long()));
    builder.stream("entries", Consumed.with(Serdes.String(), Serdes.String()))
        .processValues(
            () -> new EventIdDeduplicator<String>("seen", value -> value.split(":")[0]), "seen")
        .to("passed", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props);
    entries = driver.createInputTopic("entries", new StringSerializer(), new StringSerializer());
    passed = driver.createOutputTopic("passed", new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldPassEachEventOnceHoweverOftenAndLateItIsRedelivered() {
    // given entries of one instance, one of them redelivered after others and much later
    entries.pipeInput("db-1", "e1:first", T0);
    entries.pipeInput("db-1", "e2:second", T0.plusSeconds(1));
    entries.pipeInput("db-1", "e1:first", T0); // CloudWatch retry, right away
    entries.pipeInput("db-1", "e3:third", T0.plusSeconds(90 * 60));
    entries.pipeInput("db-1", "e2:second", T0.plusSeconds(1)); // Kinesis redelivery, 90 min on

    // then each event passes once, in arrival order
    assertThat(passed.readKeyValuesToList())
        .extracting(kv -> kv.key + "/" + kv.value)
        .containsExactly("db-1/e1:first", "db-1/e2:second", "db-1/e3:third");
  }

  @Test
  void shouldPassDifferentEventsAtTheSameTime() {
    entries.pipeInput("db-1", "e1:a", T0);
    entries.pipeInput("db-1", "e2:b", T0);
    entries.pipeInput("db-1", "e3:c", T0);

    assertThat(passed.readValuesToList()).containsExactly("e1:a", "e2:b", "e3:c");
  }
}
