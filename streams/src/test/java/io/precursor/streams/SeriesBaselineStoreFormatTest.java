package io.precursor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.streams.baseline.Level;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.baseline.SeriesBaselineSerde;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SeriesBaselineStoreFormatTest {

  private static final long BUCKET = 600_000;
  private static final long HORIZON = 21_600_000;
  private static final long T0 = 1_794_906_000_000L;

  private final SeriesBaselineSerde serde =
      new SeriesBaselineSerde(InternalSerde.json(SeriesBaseline.class).deserializer());

  @Test
  void shouldReadBackTheSameLevelFromTheBinaryForm() {
    SeriesBaseline baseline = history();

    SeriesBaseline read = serde.deserialize("baselines", serde.serialize("baselines", baseline));

    assertThat(levelOf(read)).isEqualTo(levelOf(baseline)).isPresent();
    assertThat(serde.serialize("baselines", read))
        .isEqualTo(serde.serialize("baselines", baseline));
  }

  @Test
  void shouldStillReadABaselineStoredAsJsonByAnEarlierRelease() {
    SeriesBaseline baseline = history();
    byte[] json = InternalSerde.json(SeriesBaseline.class).serializer().serialize("b", baseline);

    SeriesBaseline read = serde.deserialize("baselines", json);

    assertThat(levelOf(read)).isEqualTo(levelOf(baseline)).isPresent();
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion() {
    byte[] bytes = serde.serialize("baselines", history());
    bytes[0] = 7;

    assertThatThrownBy(() -> serde.deserialize("baselines-changelog", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 7")
        .hasMessageContaining("baselines-changelog");
  }

  private static SeriesBaseline history() {
    SeriesBaseline baseline = new SeriesBaseline();
    for (int minute = 0; minute < 120; minute++) {
      baseline.add(T0 + minute * 60_000L, 100 + minute % 7 * 3.5, BUCKET, HORIZON);
    }
    return baseline;
  }

  private static Optional<Level> levelOf(SeriesBaseline baseline) {
    return baseline.level(T0 + 120 * 60_000L, BUCKET, HORIZON, 3, 0, List.of());
  }
}
