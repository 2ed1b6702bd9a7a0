package io.precursor.bench.streams;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The floor the detection topology is compared with: the same input topics copied byte for byte to
 * one output topic, exactly once, no state.
 */
final class PassthroughTopology {

  private PassthroughTopology() {}

  static Topology build(List<String> inputs, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(inputs, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("inputs"))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy"));
    return builder.build();
  }
}
