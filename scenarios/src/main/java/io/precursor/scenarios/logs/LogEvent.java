package io.precursor.scenarios.logs;

import java.time.Instant;

/** One CloudWatch Logs event: when it was logged and the whole message, possibly many lines. */
public record LogEvent(Instant timestamp, String message) {}
