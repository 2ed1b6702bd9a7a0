package io.precursor.report;

import java.util.List;

/**
 * One key metric of one instance over the window; each point is the worst value of its bucket
 * ({@code worst} says which end is worse), one bucket per datapoint when the window is short.
 */
public record MetricChart(
    String metric, String unit, String worst, long bucketSeconds, List<SeriesPoint> points) {}
