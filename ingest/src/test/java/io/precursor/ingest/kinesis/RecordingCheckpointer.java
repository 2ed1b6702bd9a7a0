package io.precursor.ingest.kinesis;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.processor.Checkpointer;
import software.amazon.kinesis.processor.PreparedCheckpointer;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/** A checkpointer that remembers the checkpoints asked of it; other calls are not expected. */
final class RecordingCheckpointer implements RecordProcessorCheckpointer {

  /** What the no-argument checkpoint() stands for: everything handed to the processor. */
  static final String EVERYTHING_PROCESSED = "everything processed";

  final List<String> checkpoints = new ArrayList<>();

  @Override
  public synchronized void checkpoint() {
    checkpoints.add(EVERYTHING_PROCESSED);
  }

  @Override
  public synchronized void checkpoint(String sequenceNumber, long subSequenceNumber) {
    checkpoints.add(sequenceNumber + "/" + subSequenceNumber);
  }

  synchronized List<String> checkpoints() {
    return List.copyOf(checkpoints);
  }

  @Override
  public void checkpoint(Record record) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void checkpoint(String sequenceNumber) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint() {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(byte[] applicationState) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(Record record) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(Record record, byte[] applicationState) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(String sequenceNumber) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, byte[] applicationState) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PreparedCheckpointer prepareCheckpoint(
      String sequenceNumber, long subSequenceNumber, byte[] applicationState) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Checkpointer checkpointer() {
    throw new UnsupportedOperationException();
  }
}
