package io.precursor.launcher.report;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One stretch of long replay work as the progress display polls it.
 *
 * @param name a word for the phase ("ingest", "detect")
 * @param unit what is counted, plural ("records")
 * @param done how many are done
 * @param total how many there are so far (may grow), or a negative number when unknown
 * @param detail a short line of context (the event-time window covered), may be empty
 */
public record ProgressPhase(
    String name, String unit, LongSupplier done, LongSupplier total, Supplier<String> detail) {}
