package io.precursor.ingest;

/** Kafka did not acknowledge what ingest sent; the input must not be checkpointed. */
public class IngestPublishException extends RuntimeException {

  public IngestPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
