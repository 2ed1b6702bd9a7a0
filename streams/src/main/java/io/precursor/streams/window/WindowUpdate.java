package io.precursor.streams.window;

import org.apache.kafka.streams.kstream.Window;

/** One hopping window of an instance as a signal left it: its span and its contents. */
public record WindowUpdate(Window window, InstanceWindow contents) {}
