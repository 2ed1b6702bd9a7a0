package io.precursor.ingest;

import io.precursor.topics.Topic;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A file of held records in time order, written when the time-ordering buffer is full and read back
 * once, record by record, by the merge. Values are Avro-encoded; the topic and value class of each
 * record are indexes into tables this run's {@link Codec} keeps in memory.
 */
final class SortedRun implements Closeable {

  /** One record of a run, as the buffer holds it. */
  record Held<V>(Topic<String, V> topic, String key, V value, Instant time, long order) {
    void publishTo(IngestSink sink) {
      sink.publish(topic, key, value, time);
    }
  }

  private final Path file;
  private final Codec codec;
  private final DataInputStream in;
  private final long records;
  private long read;

  private SortedRun(Path file, Codec codec, long records) throws IOException {
    this.file = file;
    this.codec = codec;
    this.records = records;
    this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** Writes {@code held}, already in order, to a new file in {@code directory}. */
  static SortedRun write(Path directory, List<Held<?>> held, Codec codec) throws IOException {
    Path file = Files.createTempFile(directory, "precursor-export-", ".run");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (Held<?> h : held) {
        codec.write(h, out);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new SortedRun(file, codec, held.size());
  }

  /** The next record, or {@code null} at the end of the run. */
  Held<?> next() {
    if (read == records) {
      return null;
    }
    try {
      read++;
      return codec.read(in);
    } catch (EOFException e) {
      throw new UncheckedIOException(file + " ended before its " + records + " records", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Closes and deletes the file. */
  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Encodes held records; the topics and Avro value classes seen are numbered, not repeated. */
  static final class Codec {
    private final List<Topic<String, ?>> topics = new ArrayList<>();
    private final Map<Topic<String, ?>, Integer> topicIndex = new IdentityHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<Class<?>, Integer> classIndex = new HashMap<>();
    private final Map<Class<?>, SpecificDatumWriter<Object>> writers = new HashMap<>();
    private final Map<Class<?>, SpecificDatumReader<Object>> readers = new HashMap<>();
    private final ByteArrayOutputStream valueBytes = new ByteArrayOutputStream(1024);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    void write(Held<?> held, DataOutputStream out) throws IOException {
      if (!(held.value() instanceof SpecificRecord record)) {
        throw new IllegalArgumentException(
            "only Avro records can be set aside on disk, not " + held.value().getClass());
      }
      out.writeShort(topicIndex.computeIfAbsent(held.topic(), this::addTopic));
      Class<?> type = record.getClass();
      out.writeShort(classIndex.computeIfAbsent(type, this::addClass));
      byte[] key = held.key() == null ? null : held.key().getBytes(StandardCharsets.UTF_8);
      out.writeInt(key == null ? -1 : key.length);
      if (key != null) {
        out.write(key);
      }
      out.writeLong(held.time().getEpochSecond());
      out.writeInt(held.time().getNano());
      out.writeLong(held.order());
      valueBytes.reset();
      encoder = EncoderFactory.get().directBinaryEncoder(valueBytes, encoder);
      writers
          .computeIfAbsent(
              type, t -> new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(t)))
          .write(record, encoder);
      encoder.flush();
      out.writeInt(valueBytes.size());
      valueBytes.writeTo(out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Held<?> read(DataInputStream in) throws IOException {
      Topic<String, Object> topic = (Topic<String, Object>) topics.get(in.readShort());
      Class<?> type = classes.get(in.readShort());
      int keyLength = in.readInt();
      String key = null;
      if (keyLength >= 0) {
        byte[] bytes = new byte[keyLength];
        in.readFully(bytes);
        key = new String(bytes, StandardCharsets.UTF_8);
      }
      Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
      long order = in.readLong();
      byte[] value = new byte[in.readInt()];
      in.readFully(value);
      decoder = DecoderFactory.get().binaryDecoder(value, decoder);
      Object record =
          readers
              .computeIfAbsent(
                  type,
                  t -> {
                    SpecificData model = SpecificData.getForClass(t);
                    return new SpecificDatumReader<>(model.getSchema(t), model.getSchema(t), model);
                  })
              .read(null, decoder);
      return new Held(topic, key, record, time, order);
    }

    private int addTopic(Topic<String, ?> topic) {
      topics.add(topic);
      return topics.size() - 1;
    }

    private int addClass(Class<?> type) {
      classes.add(type);
      return classes.size() - 1;
    }
  }
}
