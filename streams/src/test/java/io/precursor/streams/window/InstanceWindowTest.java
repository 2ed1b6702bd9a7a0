package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceWindowTest {

  private static final long T0 = 1_794_906_000_000L;

  private final InstanceWindowSerde serde = new InstanceWindowSerde();

  private static InstanceSignal slowQuery(long time, String kind, List<String> tables) {
    return new InstanceSignal(
        "ads-prod",
        new InstanceSignal.SlowQuery(
            time,
            kind,
            tables,
            "delete from orders where id = ?",
            11L,
            200_000,
            200_000,
            0,
            2.5,
            0),
        null);
  }

  @Test
  void shouldLeaveAWindowAsItWasWhenASignalCannotBeAdded() {
    // given a pane that already took signals in this commit
    InstanceWindow pane = new InstanceWindow();
    pane.add(slowQuery(T0, "DELETE", List.of("orders")));
    pane.add(new InstanceSignal("ads-prod", null, new InstanceSignal.Metric("CPU", T0, 40.0)));
    byte[] before = serde.serialize("panes", pane);

    // when signals it would fail on part way come, from a later time and another cluster
    List<InstanceSignal> broken =
        List.of(
            new InstanceSignal(
                "other",
                slowQuery(T0 + 9_000, "DELETE", Arrays.asList("orders", null)).slowQuery(),
                null),
            new InstanceSignal(
                "other", slowQuery(T0 + 9_000, null, List.of("items")).slowQuery(), null),
            new InstanceSignal("other", null, new InstanceSignal.Metric(null, T0 + 9_000, 99.0)),
            new InstanceSignal(
                "other",
                null,
                null,
                new InstanceSignal.ErrorLog(T0 + 9_000, null, List.of()),
                null));

    // then each is refused before anything changed: not its time, cluster or a first table
    for (InstanceSignal signal : broken) {
      assertThatThrownBy(() -> pane.add(signal)).isInstanceOf(NullPointerException.class);
      assertThat(serde.serialize("panes", pane)).isEqualTo(before);
    }
  }
}
