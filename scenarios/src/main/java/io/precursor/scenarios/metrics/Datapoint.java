package io.precursor.scenarios.metrics;

import java.time.Instant;

/** One CloudWatch datapoint: the start of its period and the statistic's value. */
public record Datapoint(Instant timestamp, double value) {}
