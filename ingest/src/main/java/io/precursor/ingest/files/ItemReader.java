package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** Turns one JSON item of an exported file into zero or more values. */
@FunctionalInterface
interface ItemReader<T> {

  void read(JsonNode item, FilePosition position, Consumer<T> values) throws UnreadableItem;
}
