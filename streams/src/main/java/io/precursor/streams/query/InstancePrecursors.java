package io.precursor.streams.query;

import java.util.ArrayList;
import java.util.List;

/** The latest precursor records of one DB instance, newest last, at most a configured number. */
public record InstancePrecursors(List<RecentPrecursor> latest) {

  static InstancePrecursors empty() {
    return new InstancePrecursors(List.of());
  }

  /** These precursors and {@code next}, dropping the oldest beyond {@code kept}. */
  InstancePrecursors with(RecentPrecursor next, int kept) {
    List<RecentPrecursor> all = new ArrayList<>(latest);
    all.add(next);
    return new InstancePrecursors(
        List.copyOf(all.subList(Math.max(0, all.size() - kept), all.size())));
  }
}
