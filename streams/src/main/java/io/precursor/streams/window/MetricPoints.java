package io.precursor.streams.window;

import java.util.Arrays;

/**
 * One metric's datapoints in a pane or window, by time, at most one per time: a later datapoint of
 * the same time replaces the earlier (CloudWatch redelivers and revises). Kept in two primitive
 * arrays, as every datapoint is added to its pane and to the ten windows it falls in, nearly always
 * after the latest point already there.
 */
final class MetricPoints {

  private long[] times;
  private double[] values;
  private int size;

  /**
   * Room for one datapoint: what a pane (a minute by default, CloudWatch's period) holds of a
   * metric.
   */
  MetricPoints() {
    this(1);
  }

  MetricPoints(int capacity) {
    times = new long[Math.max(1, capacity)];
    values = new double[Math.max(1, capacity)];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The i-th datapoint's time, in time order. */
  long time(int i) {
    return times[i];
  }

  /** The i-th datapoint's value, in time order. */
  double value(int i) {
    return values[i];
  }

  boolean containsTime(long time) {
    return indexOf(time) >= 0;
  }

  /** Adds a datapoint, or replaces the one of the same time. */
  void put(long time, double value) {
    if (size > 0 && time > times[size - 1]) {
      append(time, value);
      return;
    }
    int at = indexOf(time);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    int insert = -at - 1;
    grow();
    System.arraycopy(times, insert, times, insert + 1, size - insert);
    System.arraycopy(values, insert, values, insert + 1, size - insert);
    times[insert] = time;
    values[insert] = value;
    size++;
  }

  /** Adds every datapoint of {@code later}, whose datapoints win over these at the same time. */
  void putAll(MetricPoints later) {
    for (int i = 0; i < later.size; i++) {
      put(later.times[i], later.values[i]);
    }
  }

  MetricPoints copy() {
    MetricPoints copy = new MetricPoints(size);
    System.arraycopy(times, 0, copy.times, 0, size);
    System.arraycopy(values, 0, copy.values, 0, size);
    copy.size = size;
    return copy;
  }

  /** As a sorted map of time to value prints itself: {@code {time=value, ...}}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      out.append(i == 0 ? "" : ", ").append(times[i]).append('=').append(values[i]);
    }
    return out.append('}').toString();
  }

  private void append(long time, double value) {
    grow();
    times[size] = time;
    values[size] = value;
    size++;
  }

  private void grow() {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
  }

  /** As {@link Arrays#binarySearch(long[], int, int, long)}. */
  private int indexOf(long time) {
    return Arrays.binarySearch(times, 0, size, time);
  }
}
