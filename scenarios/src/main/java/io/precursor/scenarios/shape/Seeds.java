package io.precursor.scenarios.shape;

/**
 * Deterministic seeds and noise: the same scenario seed always yields the same bytes, on any JVM.
 */
public final class Seeds {

  private Seeds() {}

  /** A seed for one named part of a scenario, stable across runs and JVM versions. */
  public static long derive(long seed, String name) {
    long h = mix(seed);
    for (int i = 0; i < name.length(); i++) {
      h = mix(h ^ name.charAt(i));
    }
    return h;
  }

  /** A uniform value in [0, 1) that depends only on {@code seed} and {@code key}. */
  public static double uniform(long seed, long key) {
    // Hash-based rather than a sequential generator, so one value never depends on another.
    return (mix(seed ^ (key * 0x9E3779B97F4A7C15L)) >>> 11) * 0x1.0p-53;
  }

  /** A number with exactly nineteen digits taken from {@code value}, for ids that look random. */
  public static long nineteenDigits(long value) {
    return 1_000_000_000_000_000_000L + Math.floorMod(value, 8_000_000_000_000_000_000L);
  }

  // SplitMix64 finaliser.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
