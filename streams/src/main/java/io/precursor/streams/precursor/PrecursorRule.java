package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.streams.window.InstanceWindow;
import java.util.Optional;

/** One entry of the precursor catalogue: looks at a window of one DB instance and may fire. */
public interface PrecursorRule {

  PrecursorKind kind();

  /** A finding when the window shows this precursor, else empty. */
  Optional<Finding> evaluate(InstanceWindow window);
}
