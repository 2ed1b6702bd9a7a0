package io.precursor.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Named yes/no checks that together say whether a stage is live, or ready for work; healthy when
 * every check passes. Checks are called from the HTTP server's thread, so they must be thread-safe
 * and quick.
 */
public final class HealthChecks {

  private record Check(String name, BooleanSupplier passes) {}

  private final CopyOnWriteArrayList<Check> checks = new CopyOnWriteArrayList<>();

  /** Adds a check; {@code name} appears in the health answer. */
  public HealthChecks add(String name, BooleanSupplier passes) {
    checks.add(new Check(name, passes));
    return this;
  }

  /** Each check's result, in the order they were added; a check that throws fails. */
  public Map<String, Boolean> results() {
    Map<String, Boolean> results = new LinkedHashMap<>();
    for (Check check : checks) {
      boolean passed;
      try {
        passed = check.passes().getAsBoolean();
      } catch (RuntimeException e) {
        passed = false;
      }
      results.put(check.name(), passed);
    }
    return results;
  }

  /** True when every check passes (and when there are none). */
  public boolean healthy() {
    return !results().containsValue(false);
  }
}
