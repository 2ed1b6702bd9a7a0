package io.precursor.ingest.files;

import java.time.Instant;

/**
 * One Kinesis record from an {@code aws kinesis get-records} export: the record's bytes (the
 * base64-decoded {@code Data}, i.e. what the KCL would hand over) and where it came from.
 */
public record KinesisFileRecord(
    FilePosition source,
    String sequenceNumber,
    Instant arrival,
    String partitionKey,
    byte[] data) {}
