package io.precursor.report;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One point of a chart: epoch milliseconds and the value; {@code [time, value]} in JSON. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record SeriesPoint(long time, double value) {}
