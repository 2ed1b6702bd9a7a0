package io.precursor.ingest.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.subscription.SubscriptionMessage.ControlMessage;
import io.precursor.ingest.subscription.SubscriptionMessage.DataMessage;
import io.precursor.ingest.subscription.SubscriptionMessage.RdsEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decodes one Kinesis record of the log subscription stream (the bytes the KCL hands over, already
 * base64-decoded) into a {@link SubscriptionMessage}, or says why it cannot.
 *
 * <p>CloudWatch Logs writes gzip-compressed JSON (FACTS 1.1-1.3). An EventBridge rule may put
 * {@code aws.rds} events, plain JSON, on the same stream. Decompression is streamed and stops at a
 * configurable size so a small record cannot expand into gigabytes.
 */
public final class SubscriptionDecoder {

  /** Default cap on a decompressed payload; CloudWatch batches stay near 1 MiB (FACTS 1.11). */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 8L * 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final int BUFFER_BYTES = 8192;

  private final long maxDecompressedBytes;

  /** A decoder that refuses payloads above {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}. */
  public SubscriptionDecoder() {
    this(DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  /** A decoder that refuses payloads that decompress to more than {@code maxDecompressedBytes}. */
  public SubscriptionDecoder(long maxDecompressedBytes) {
    if (maxDecompressedBytes <= 0) {
      throw new IllegalArgumentException(
          "maxDecompressedBytes must be positive, was " + maxDecompressedBytes);
    }
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  /** Decodes one record; never returns null. */
  public SubscriptionMessage decode(byte[] record) throws UnreadableRecordException {
    if (record == null || record.length == 0) {
      throw new UnreadableRecordException("the record is empty");
    }
    byte[] payload;
    if (isGzip(record)) {
      payload = gunzip(record);
    } else if (startsWithJsonObject(record)) {
      payload = record;
    } else if (startsWith(record, "H4sI")) {
      throw new UnreadableRecordException(
          "the record is base64 text of gzip data (it starts with 'H4sI'): the KCL already"
              + " decodes base64 once, so the producer encoded it twice");
    } else {
      throw new UnreadableRecordException(
          "the record is neither gzip (a CloudWatch Logs subscription message) nor a JSON object"
              + " (an EventBridge aws.rds event); it starts with "
              + leadingBytes(record));
    }
    if (payload.length > maxDecompressedBytes) {
      throw tooLarge(record.length);
    }
    return classify(parse(payload), payload);
  }

  private static boolean isGzip(byte[] record) {
    return record.length >= 2 && (record[0] & 0xff) == 0x1f && (record[1] & 0xff) == 0x8b;
  }

  private static boolean startsWithJsonObject(byte[] record) {
    for (byte b : record) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] record, String prefix) {
    byte[] expected = prefix.getBytes(UTF_8);
    if (record.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (record[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static String leadingBytes(byte[] record) {
    StringBuilder hex = new StringBuilder("bytes");
    for (int i = 0; i < Math.min(4, record.length); i++) {
      hex.append(String.format(" %02x", record[i] & 0xff));
    }
    return hex.toString();
  }

  private byte[] gunzip(byte[] record) throws UnreadableRecordException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(record), BUFFER_BYTES)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER_BYTES);
      byte[] buffer = new byte[BUFFER_BYTES];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > maxDecompressedBytes) {
          throw tooLarge(record.length);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (EOFException e) {
      throw new UnreadableRecordException(
          "truncated gzip: the compressed data ends before the gzip stream does ("
              + record.length
              + " bytes received)",
          e);
    } catch (ZipException e) {
      throw new UnreadableRecordException("corrupt gzip: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableRecordException("could not decompress gzip: " + e.getMessage(), e);
    }
  }

  private UnreadableRecordException tooLarge(int recordBytes) {
    return new UnreadableRecordException(
        "the payload decompresses to more than "
            + maxDecompressedBytes
            + " bytes (from a "
            + recordBytes
            + "-byte record) and is refused as a possible gzip bomb; raise the decompression"
            + " limit if CloudWatch really sends records this large");
  }

  private static JsonNode parse(byte[] payload) throws UnreadableRecordException {
    try {
      JsonNode root = JSON.readTree(payload);
      if (root == null || root.isMissingNode()) {
        throw new UnreadableRecordException("the payload is empty after decompression");
      }
      if (!root.isObject()) {
        throw new UnreadableRecordException(
            "the payload is JSON but not an object (it is " + root.getNodeType() + ")");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new UnreadableRecordException(
          "the payload is not valid JSON: " + e.getOriginalMessage() + location(e), e);
    } catch (IOException e) {
      throw new UnreadableRecordException("the payload could not be read: " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static SubscriptionMessage classify(JsonNode root, byte[] payload)
      throws UnreadableRecordException {
    JsonNode messageType = root.get("messageType");
    JsonNode source = root.get("source");
    if (messageType == null && source != null && source.isTextual()) {
      if (!"aws.rds".equals(source.asText())) {
        throw new UnreadableRecordException(
            "an EventBridge event from source '"
                + source.asText()
                + "'; only aws.rds events are read from this stream");
      }
      JsonNode detailType = root.get("detail-type");
      return new RdsEvent(
          detailType != null && detailType.isTextual() ? detailType.asText() : null,
          new String(payload, UTF_8));
    }
    if (messageType == null || !messageType.isTextual()) {
      throw new UnreadableRecordException(
          "the payload has no messageType, so it is neither a CloudWatch Logs subscription"
              + " message nor an aws.rds event");
    }
    return switch (messageType.asText()) {
      case "DATA_MESSAGE" -> dataMessage(root);
      case "CONTROL_MESSAGE" -> controlMessage(root);
      default ->
          throw new UnreadableRecordException(
              "unknown messageType '"
                  + messageType.asText()
                  + "' (expected DATA_MESSAGE or CONTROL_MESSAGE)");
    };
  }

  private static DataMessage dataMessage(JsonNode root) throws UnreadableRecordException {
    String owner = text(root, "owner", "DATA_MESSAGE");
    String logGroup = text(root, "logGroup", "DATA_MESSAGE");
    String logStream = text(root, "logStream", "DATA_MESSAGE");
    JsonNode filters = array(root, "subscriptionFilters", "DATA_MESSAGE");
    List<String> subscriptionFilters = new ArrayList<>(filters.size());
    for (int i = 0; i < filters.size(); i++) {
      if (!filters.get(i).isTextual()) {
        throw new UnreadableRecordException(
            "DATA_MESSAGE subscriptionFilters[" + i + "] is not a string");
      }
      subscriptionFilters.add(filters.get(i).asText());
    }
    JsonNode events = array(root, "logEvents", "DATA_MESSAGE");
    List<LogEvent> logEvents = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      logEvents.add(logEvent(events.get(i), "DATA_MESSAGE logEvents[" + i + "]"));
    }
    return new DataMessage(owner, logGroup, logStream, subscriptionFilters, logEvents);
  }

  private static LogEvent logEvent(JsonNode event, String where) throws UnreadableRecordException {
    if (!event.isObject()) {
      throw new UnreadableRecordException(where + " is not an object");
    }
    JsonNode id = event.get("id");
    // The id is a long numeric string (FACTS 1.3); a bare number is accepted as the same text.
    if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
      throw new UnreadableRecordException(where + " lacks a string field 'id'");
    }
    JsonNode timestamp = event.get("timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || !timestamp.canConvertToLong()) {
      throw new UnreadableRecordException(
          where + " lacks an integer field 'timestamp' (epoch milliseconds)");
    }
    return new LogEvent(id.asText(), timestamp.longValue(), text(event, "message", where));
  }

  private static ControlMessage controlMessage(JsonNode root) {
    JsonNode events = root.get("logEvents");
    if (events != null && events.isArray() && !events.isEmpty()) {
      JsonNode message = events.get(0).get("message");
      if (message != null && message.isTextual()) {
        return new ControlMessage(message.asText());
      }
    }
    return new ControlMessage("");
  }

  private static String text(JsonNode node, String field, String where)
      throws UnreadableRecordException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new UnreadableRecordException(where + " lacks field '" + field + "'");
    }
    if (!value.isTextual()) {
      throw new UnreadableRecordException(
          where + " field '" + field + "' is " + value.getNodeType() + ", not a string");
    }
    return value.asText();
  }

  private static JsonNode array(JsonNode node, String field, String where)
      throws UnreadableRecordException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new UnreadableRecordException(where + " lacks field '" + field + "'");
    }
    if (!value.isArray()) {
      throw new UnreadableRecordException(
          where + " field '" + field + "' is " + value.getNodeType() + ", not an array");
    }
    return value;
  }
}
