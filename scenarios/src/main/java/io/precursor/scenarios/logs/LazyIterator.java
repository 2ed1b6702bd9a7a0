package io.precursor.scenarios.logs;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator whose next element is computed on demand; {@code null} from the step ends it. */
public abstract class LazyIterator<T> implements Iterator<T> {

  private T next;
  private boolean done;

  /** The next element, or {@code null} when there are no more. */
  protected abstract T computeNext();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T value = next;
    next = null;
    return value;
  }
}
