package io.precursor.scenarios.logs;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges iterators that are each already in order into one ordered iterator; ties go to the earlier
 * input, so the result is stable.
 */
public final class TimeOrderedMerge<T> implements Iterator<T> {

  private record Head<T>(T value, int input) {}

  private final List<? extends Iterator<? extends T>> inputs;
  private final PriorityQueue<Head<T>> heads;

  public TimeOrderedMerge(List<? extends Iterator<? extends T>> inputs, Comparator<T> order) {
    this.inputs = List.copyOf(inputs);
    Comparator<Head<T>> byValue = Comparator.comparing(Head::value, order);
    this.heads =
        new PriorityQueue<>(Math.max(1, inputs.size()), byValue.thenComparingInt(Head::input));
    for (int i = 0; i < this.inputs.size(); i++) {
      advance(i);
    }
  }

  private void advance(int input) {
    Iterator<? extends T> iterator = inputs.get(input);
    if (iterator.hasNext()) {
      heads.add(new Head<>(iterator.next(), input));
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public T next() {
    Head<T> head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    advance(head.input());
    return head.value();
  }
}
