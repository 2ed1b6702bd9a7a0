package io.precursor.ingest.kinesis;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Whether this worker's shard processors may still checkpoint: shut for good once a batch fails or
 * the worker halts, so that no checkpoint ever passes over a batch Kafka did not acknowledge.
 */
final class CheckpointGate {

  private final CompletableFuture<Throwable> shut = new CompletableFuture<>();

  boolean isOpen() {
    return !shut.isDone();
  }

  /** Shuts the gate; the first cause is kept, later calls do nothing. */
  void shut(Throwable cause) {
    shut.complete(cause);
  }

  /** Why the gate was shut, if it was. */
  Optional<Throwable> cause() {
    return Optional.ofNullable(shut.getNow(null));
  }

  /** Runs {@code action} once, on the thread that shuts the gate (or now, if it is shut). */
  void whenShut(Consumer<Throwable> action) {
    shut.thenAccept(action);
  }
}
