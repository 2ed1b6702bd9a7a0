package io.precursor.streams.window;

import org.apache.kafka.streams.kstream.Window;

/**
 * One hopping window of an instance as a signal left it: its span and its contents. The assembler
 * keeps the contents and adds later signals to them: read them while the update is passed on, never
 * keep them.
 */
public record WindowUpdate(Window window, InstanceWindow contents) {}
