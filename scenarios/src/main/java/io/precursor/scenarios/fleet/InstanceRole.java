package io.precursor.scenarios.fleet;

/** Whether an Aurora instance takes writes or serves reads; CloudWatch's {@code Role} dimension. */
public enum InstanceRole {
  WRITER,
  READER
}
