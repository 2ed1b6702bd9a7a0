package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class InstanceWindowSerdeTest {

  private static final long T0 = 1_794_906_000_000L; // 2026-11-17T09:00:00Z

  private final InstanceWindowSerde serde = new InstanceWindowSerde();

  @Test
  void shouldReadBackEverythingAWindowHolds() {
    // given a window with every kind of signal, a fingerprint with run intervals, and non-ASCII
    InstanceWindow window = new InstanceWindow();
    for (int i = 0; i < 40; i++) {
      window.add(slowQuery(T0 + i * 1_000L, "DELETE", "orders", 11L, 50_000, 1.0 + i / 10.0));
    }
    window.add(slowQuery(T0 + 500, "SELECT", "clients_é", 22L, 5, 0.2));
    window.add(new InstanceSignal("ads-prod", null, new InstanceSignal.Metric("CPU", T0, 41.5)));
    window.add(
        new InstanceSignal(
            null, null, new InstanceSignal.Metric("FreeableMemory", T0 + 60_000, 6.0e9)));
    window.add(
        new InstanceSignal(
            null,
            null,
            null,
            new InstanceSignal.ErrorLog(T0 + 2_000, "DEADLOCK", List.of("orders", "items")),
            null));
    window.add(
        new InstanceSignal(
            null,
            null,
            null,
            new InstanceSignal.ErrorLog(T0 + 3_000, "OUT_OF_MEMORY", List.of()),
            null));

    // when it is written and read back
    byte[] bytes = serde.serialize("panes", window);
    InstanceWindow read = serde.deserialize("panes", bytes);

    // then it holds the same, and writes the same bytes again
    assertThat(WindowContents.of(read)).isEqualTo(WindowContents.of(window));
    assertThat(read.fingerprintsOn("orders").get(0).maxConcurrent())
        .isEqualTo(window.fingerprintsOn("orders").get(0).maxConcurrent());
    assertThat(read.fingerprintsOn("orders").get(0).intervals())
        .hasSize(FingerprintActivity.MAX_INTERVALS);
    assertThat(serde.serialize("panes", read)).isEqualTo(bytes);
    assertThat(bytes[0]).isEqualTo(InstanceWindowSerde.FORMAT_VERSION);
  }

  @Test
  void shouldReadBackAnEmptyWindowWithoutCluster() {
    InstanceWindow read =
        serde.deserialize("panes", serde.serialize("panes", new InstanceWindow()));

    assertThat(read.cluster()).isNull();
    assertThat(read.fingerprints()).isEmpty();
    assertThat(read.series("CPU").isEmpty()).isTrue();
    assertThat(serde.serialize("panes", null)).isNull();
    assertThat(serde.deserialize("panes", null)).isNull();
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion() {
    byte[] bytes = serde.serialize("panes", new InstanceWindow());
    bytes[0] = 9;

    assertThatThrownBy(() -> serde.deserialize("panes-changelog", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 9")
        .hasMessageContaining("panes-changelog");
  }

  @Test
  void shouldRefuseTruncatedState() {
    InstanceWindow window = new InstanceWindow();
    window.add(slowQuery(T0, "DELETE", "orders", 11L, 50_000, 1.0));
    byte[] bytes = serde.serialize("panes", window);

    assertThatThrownBy(() -> serde.deserialize("panes", Arrays.copyOf(bytes, bytes.length - 12)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("truncated or corrupt");
  }

  static InstanceSignal slowQuery(
      long end, String kind, String table, long hash, long rowsExamined, double seconds) {
    return new InstanceSignal(
        "ads-prod",
        new InstanceSignal.SlowQuery(
            end,
            kind,
            List.of(table),
            kind.toLowerCase() + " from " + table + " where id in(?+)",
            hash,
            rowsExamined,
            rowsExamined / 2,
            0,
            seconds,
            (int) (hash % 500)),
        null);
  }
}
