package io.precursor.streams.window;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of an {@link InstanceWindow} pane for the window store and its changelog:
 * every record rewrites its pane, so this is written and read far more often than anything else the
 * stage keeps. A leading format version lets a later layout read this one.
 */
public final class InstanceWindowSerde
    implements Serde<InstanceWindow>, Serializer<InstanceWindow>, Deserializer<InstanceWindow> {

  /** The layout written; bump it, and keep reading the old one, when the layout changes. */
  static final byte FORMAT_VERSION = 1;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<InstanceWindow> serializer() {
    return this;
  }

  @Override
  public Deserializer<InstanceWindow> deserializer() {
    return this;
  }

  @Override
  public byte[] serialize(String topic, InstanceWindow window) {
    if (window == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      writeString(out, window.cluster());
      out.writeLong(window.lastEventTime());
      out.writeInt(window.tables().size());
      for (Map.Entry<String, TableActivity> table : window.tables().entrySet()) {
        writeString(out, table.getKey());
        writeTable(out, table.getValue());
      }
      out.writeInt(window.fingerprints().size());
      for (FingerprintActivity fingerprint : window.fingerprints()) {
        writeFingerprint(out, fingerprint);
      }
      out.writeInt(window.metrics().size());
      for (Map.Entry<String, MetricPoints> metric : window.metrics().entrySet()) {
        writeString(out, metric.getKey());
        MetricPoints points = metric.getValue();
        out.writeInt(points.size());
        for (int p = 0; p < points.size(); p++) {
          out.writeLong(points.time(p));
          out.writeDouble(points.value(p));
        }
      }
      writeCounts(out, window.errorLogEntries());
      writeCounts(out, window.deadlockTables());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public InstanceWindow deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      byte version = in.get();
      if (version != FORMAT_VERSION) {
        throw new SerializationException(
            "cannot read an instance window of format version "
                + version
                + " from "
                + topic
                + ": this stage reads version "
                + FORMAT_VERSION);
      }
      String cluster = readString(in);
      long lastEventTime = in.getLong();
      TreeMap<String, TableActivity> tables = new TreeMap<>();
      for (int i = in.getInt(); i > 0; i--) {
        tables.put(readString(in), readTable(in));
      }
      int fingerprintCount = in.getInt();
      HashMap<Long, FingerprintActivity> fingerprints = new HashMap<>(fingerprintCount * 2);
      for (int i = fingerprintCount; i > 0; i--) {
        FingerprintActivity f = readFingerprint(in);
        fingerprints.put(f.fingerprintHash(), f);
      }
      HashMap<String, MetricPoints> metrics = new HashMap<>();
      for (int i = in.getInt(); i > 0; i--) {
        String name = readString(in);
        int count = in.getInt();
        MetricPoints points = new MetricPoints(Math.min(count, 64));
        for (int p = count; p > 0; p--) {
          points.put(in.getLong(), in.getDouble());
        }
        metrics.put(name, points);
      }
      TreeMap<String, Long> errorLogEntries = readCounts(in);
      TreeMap<String, Long> deadlockTables = readCounts(in);
      return new InstanceWindow(
          cluster,
          lastEventTime,
          tables,
          fingerprints,
          metrics,
          errorLogEntries,
          deadlockTables,
          null);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException(
          "cannot read an instance window from " + topic + ": truncated or corrupt", e);
    }
  }

  private static void writeTable(DataOutputStream out, TableActivity table) throws IOException {
    writeCounts(out, table.entriesByKind());
    out.writeLong(table.rowsExamined());
    out.writeLong(table.rowsWritten());
    out.writeDouble(table.maxQueryTimeSeconds());
  }

  private static TableActivity readTable(ByteBuffer in) {
    return new TableActivity(readCounts(in), in.getLong(), in.getLong(), in.getDouble());
  }

  private static void writeFingerprint(DataOutputStream out, FingerprintActivity f)
      throws IOException {
    writeString(out, f.fingerprint());
    out.writeLong(f.fingerprintHash());
    writeString(out, f.kind());
    out.writeInt(f.tables().size());
    for (String table : f.tables()) {
      writeString(out, table);
    }
    out.writeLong(f.count());
    out.writeLong(f.rowsExamined());
    out.writeLong(f.rowsWritten());
    out.writeLong(f.maxRowsWritten());
    out.writeDouble(f.maxQueryTimeSeconds());
    out.writeInt(f.largestInList());
    out.writeInt(f.intervals().size());
    for (long[] interval : f.intervals()) {
      out.writeLong(interval[0]);
      out.writeLong(interval[1]);
    }
  }

  private static FingerprintActivity readFingerprint(ByteBuffer in) {
    String fingerprint = readString(in);
    long hash = in.getLong();
    String kind = readString(in);
    int tableCount = in.getInt();
    List<String> tables = new ArrayList<>(tableCount);
    for (int i = 0; i < tableCount; i++) {
      tables.add(readString(in));
    }
    long count = in.getLong();
    long rowsExamined = in.getLong();
    long rowsWritten = in.getLong();
    long maxRowsWritten = in.getLong();
    double maxQueryTimeSeconds = in.getDouble();
    int largestInList = in.getInt();
    int intervalCount = in.getInt();
    List<long[]> intervals = new ArrayList<>(intervalCount);
    for (int i = 0; i < intervalCount; i++) {
      intervals.add(new long[] {in.getLong(), in.getLong()});
    }
    return new FingerprintActivity(
        fingerprint,
        hash,
        kind,
        List.copyOf(tables),
        count,
        rowsExamined,
        rowsWritten,
        maxRowsWritten,
        maxQueryTimeSeconds,
        largestInList,
        intervals);
  }

  private static void writeCounts(DataOutputStream out, Map<String, Long> counts)
      throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      writeString(out, count.getKey());
      out.writeLong(count.getValue());
    }
  }

  private static TreeMap<String, Long> readCounts(ByteBuffer in) {
    TreeMap<String, Long> counts = new TreeMap<>();
    for (int i = in.getInt(); i > 0; i--) {
      counts.put(readString(in), in.getLong());
    }
    return counts;
  }

  // Length-prefixed UTF-8, -1 for null: DataOutput's writeUTF stops at 64 KiB, and a fingerprint
  // of a long statement can pass that.
  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String s =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }
}
