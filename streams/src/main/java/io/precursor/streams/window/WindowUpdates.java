package io.precursor.streams.window;

import java.util.List;

/**
 * What one signal did to its instance's windows: the signal, and each window it updated, oldest
 * first; none when it came past every window's grace (its instance's baseline may still have taken
 * it).
 */
public record WindowUpdates(InstanceSignal signal, List<WindowUpdate> windows) {}
