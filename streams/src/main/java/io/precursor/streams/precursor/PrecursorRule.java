package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.window.InstanceWindow;
import java.util.Optional;

/**
 * One entry of the precursor catalogue: looks at a window of one DB instance and may fire. A
 * finding of severity INFO says "not firing, but not clear yet": it keeps an open episode alive
 * without announcing anything, so a value hovering at the threshold does not flap.
 */
public interface PrecursorRule {

  PrecursorKind kind();

  /** A finding when the window shows this precursor, else empty. */
  Optional<Finding> evaluate(InstanceWindow window);

  /** The same, able to compare with the instance's own normal; rules that can, override it. */
  default Optional<Finding> evaluate(InstanceWindow window, Baselines baselines) {
    return evaluate(window);
  }
}
