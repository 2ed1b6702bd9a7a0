package io.precursor.streams.precursor;

import io.precursor.schemas.FingerprintEvidence;
import io.precursor.schemas.MetricTrajectory;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.util.List;

/**
 * What a rule concluded about one window, with the evidence for it; severity INFO means elevated
 * but below the firing threshold.
 */
public record Finding(
    PrecursorKind kind,
    Severity severity,
    String summary,
    String hint,
    List<FingerprintEvidence> fingerprints,
    List<MetricTrajectory> metrics) {

  /** Not firing, but not clear either: keeps an open episode alive, announces nothing. */
  public static Finding elevated(PrecursorKind kind) {
    return new Finding(kind, Severity.INFO, "", "", List.of(), List.of());
  }

  /** Whether this finding fires, rather than only keeping an episode open. */
  public boolean fires() {
    return severity != Severity.INFO;
  }
}
