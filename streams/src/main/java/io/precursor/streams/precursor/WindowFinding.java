package io.precursor.streams.precursor;

/** A rule's finding together with the window it was found in. */
public record WindowFinding(
    Finding finding, String cluster, long windowStart, long windowEnd, long detectedAt) {}
