package io.precursor.streams.baseline;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link SeriesBaseline}: read and rewritten for every datapoint and slow
 * query. A leading format version; baselines an earlier release stored as JSON (they start with
 * '{') are still read, through the given JSON reader.
 */
public final class SeriesBaselineSerde
    implements Serde<SeriesBaseline>, Serializer<SeriesBaseline>, Deserializer<SeriesBaseline> {

  /** The layout written; bump it, and keep reading the old one, when the layout changes. */
  static final byte FORMAT_VERSION = 1;

  private final Deserializer<SeriesBaseline> json;

  /** {@code json} reads baselines stored as JSON before this format. */
  public SeriesBaselineSerde(Deserializer<SeriesBaseline> json) {
    this.json = json;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<SeriesBaseline> serializer() {
    return this;
  }

  @Override
  public Deserializer<SeriesBaseline> deserializer() {
    return this;
  }

  @Override
  public byte[] serialize(String topic, SeriesBaseline baseline) {
    if (baseline == null) {
      return null;
    }
    TreeMap<Long, double[]> buckets = baseline.buckets();
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + buckets.size() * 24);
    out.put(FORMAT_VERSION);
    out.putInt(buckets.size());
    for (Map.Entry<Long, double[]> bucket : buckets.entrySet()) {
      out.putLong(bucket.getKey());
      out.putDouble(bucket.getValue()[0]);
      out.putDouble(bucket.getValue()[1]);
    }
    return out.array();
  }

  @Override
  public SeriesBaseline deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length > 0 && data[0] == '{') {
      return json.deserialize(topic, data);
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      byte version = in.get();
      if (version != FORMAT_VERSION) {
        throw new SerializationException(
            "cannot read a baseline of format version "
                + version
                + " from "
                + topic
                + ": this stage reads version "
                + FORMAT_VERSION);
      }
      TreeMap<Long, double[]> buckets = new TreeMap<>();
      for (int i = in.getInt(); i > 0; i--) {
        buckets.put(in.getLong(), new double[] {in.getDouble(), in.getDouble()});
      }
      return new SeriesBaseline(buckets);
    } catch (BufferUnderflowException e) {
      throw new SerializationException(
          "cannot read a baseline from " + topic + ": truncated or corrupt", e);
    }
  }
}
