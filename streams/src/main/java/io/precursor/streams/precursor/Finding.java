package io.precursor.streams.precursor;

import io.precursor.schemas.FingerprintEvidence;
import io.precursor.schemas.MetricTrajectory;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.util.List;

/** What a rule concluded about one window, with the evidence for it. */
public record Finding(
    PrecursorKind kind,
    Severity severity,
    String summary,
    String hint,
    List<FingerprintEvidence> fingerprints,
    List<MetricTrajectory> metrics) {}
