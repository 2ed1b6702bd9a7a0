package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
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

  private static InstanceSignal metric(String name, long time, double value) {
    return new InstanceSignal("ads-prod", null, new InstanceSignal.Metric(name, time, value));
  }

  private static String points(MetricSeries series) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < series.size(); i++) {
      out.append(series.time(i) - T0).append('=').append(series.value(i)).append(' ');
    }
    return out.toString().trim();
  }

  /** As the assembler does: the signal into its pane, then into the window (if it takes it). */
  private static void addToPaneAndWindow(
      TreeMap<Long, InstanceWindow> panes,
      long paneStart,
      InstanceWindow window,
      InstanceSignal s) {
    panes.computeIfAbsent(paneStart, p -> new InstanceWindow()).add(s);
    window.add(s);
  }

  @Test
  void shouldReadAWindowsSeriesThroughItsPanesWhetherOrNotReadBefore() {
    // given a window over two panes of a minute, with memory and CPU in each
    TreeMap<Long, InstanceWindow> panes = new TreeMap<>();
    panes.computeIfAbsent(T0, p -> new InstanceWindow()).add(metric("Memory", T0, 10));
    panes.get(T0).add(metric("CPU", T0, 40));
    panes
        .computeIfAbsent(T0 + 60_000, p -> new InstanceWindow())
        .add(metric("Memory", T0 + 60_000, 9));
    InstanceWindow window = InstanceWindow.over(panes.subMap(T0, true, T0 + 599_999, true));
    assertThat(points(window.series("Memory"))).isEqualTo("0=10.0 60000=9.0");

    // when memory (read already) and CPU (never read) each get a datapoint, one in a pane that did
    // not exist when the window was made
    addToPaneAndWindow(panes, T0 + 60_000, window, metric("CPU", T0 + 60_000, 55));
    addToPaneAndWindow(panes, T0 + 120_000, window, metric("Memory", T0 + 120_000, 7));
    addToPaneAndWindow(panes, T0 + 120_000, window, metric("CPU", T0 + 120_000, 70));

    // then both series hold every datapoint of the panes, once
    assertThat(points(window.series("Memory"))).isEqualTo("0=10.0 60000=9.0 120000=7.0");
    assertThat(points(window.series("CPU"))).isEqualTo("0=40.0 60000=55.0 120000=70.0");
    assertThat(window.metricNames()).containsExactlyInAnyOrder("Memory", "CPU");
    // and the panes hold their own datapoints only
    assertThat(points(new MetricSeries("CPU", panes.get(T0 + 60_000).metrics().get("CPU"))))
        .isEqualTo("60000=55.0");
  }

  @Test
  void shouldTakeADatapointLikeItsPanesUnlessItsSeriesHoldsOneOfTheSameTime() {
    // given a window over panes, memory read, CPU not
    TreeMap<Long, InstanceWindow> panes = new TreeMap<>();
    panes.computeIfAbsent(T0 + 60_000, p -> new InstanceWindow()).add(metric("Memory", T0, 10));
    panes.get(T0 + 60_000).add(metric("CPU", T0, 40));
    InstanceWindow window = InstanceWindow.over(panes.subMap(T0, true, T0 + 599_999, true));
    window.series("Memory");

    // then a datapoint of a time the window's memory holds is not taken as its panes would: the
    // pane it lands in is earlier, and merging again keeps the later pane's
    assertThat(window.takesLikeItsPanes(metric("Memory", T0, 12))).isFalse();
    // and one of a new time, or of a series not read yet, is
    assertThat(window.takesLikeItsPanes(metric("Memory", T0 + 60_000, 12))).isTrue();
    assertThat(window.takesLikeItsPanes(metric("CPU", T0, 41))).isTrue();

    // and read afresh through the panes, the later pane's datapoint wins
    panes.computeIfAbsent(T0, p -> new InstanceWindow()).add(metric("Memory", T0, 12));
    panes.get(T0).add(metric("CPU", T0, 41));
    InstanceWindow again = InstanceWindow.over(panes.subMap(T0, true, T0 + 599_999, true));
    assertThat(points(again.series("Memory"))).isEqualTo("0=10.0");
    assertThat(points(again.series("CPU"))).isEqualTo("0=40.0");
  }
}
