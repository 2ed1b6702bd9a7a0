package io.precursor.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.precursor.ingest.logs.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Kinesis records of the log subscription stream, generated and mutated: damaged log text in
 * well-formed messages, messages with missing and mistyped fields, broken JSON, non-UTF-8 bytes,
 * corrupt and missing gzip, random binary, EventBridge events, and deadlock dumps split over
 * records.
 */
final class RecordGenerators {

  /** One way of making records; a case may be several records, fed in order. */
  record Generator(String name, int weight, Function<Random, List<byte[]>> make) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Magic, deflate, no flags, no time, no extra flags, unknown OS. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> DATA_FIELDS =
      List.of("messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents");
  private static final String JSON_CHARS = "{}[]\",:\\0ae-";
  private static final String LATEST_DEADLOCK = "LATEST DETECTED DEADLOCK";
  private static final List<String> EVENT_FIELDS = List.of("id", "timestamp", "message");
  private static final List<String> DEADLOCK_DUMPS =
      List.of(
          "errorlog/mysql80-deadlock.log", "errorlog/mysql57-deadlock.log", "mariadb/error.log");

  private final SeedCorpus corpus;
  private final LogTextMutator text;
  private final List<List<String>> deadlockDumps;
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private byte[] gzipBomb;

  RecordGenerators(SeedCorpus corpus) {
    this.corpus = corpus;
    this.text = new LogTextMutator(corpus);
    this.deadlockDumps =
        DEADLOCK_DUMPS.stream().map(f -> Fixtures.text(f).lines().toList()).toList();
  }

  List<Generator> all() {
    return List.of(
        new Generator("seed records as they are", 3, r -> one(seedRecord(r))),
        new Generator("slow log text damaged", 14, r -> one(gzipJson(dataMessage(r, true)))),
        new Generator("error log text damaged", 12, r -> one(gzipJson(dataMessage(r, false)))),
        new Generator("fields missing or mistyped", 14, r -> one(gzipJson(brokenFields(r)))),
        new Generator("JSON text broken", 12, r -> one(gzip(brokenJsonText(r)))),
        new Generator("non-UTF-8 bytes", 6, r -> one(gzip(nonUtf8(r)))),
        new Generator("gzip corrupt", 12, r -> one(corruptGzip(r))),
        new Generator("not gzip", 7, r -> one(notGzip(r))),
        new Generator("EventBridge events damaged", 5, r -> one(eventBridge(r))),
        new Generator("deadlock dumps split over records", 7, this::splitDeadlockDumps),
        new Generator("hostile long lines", 1, r -> one(gzipJson(hostileLines(r)))));
  }

  private static List<byte[]> one(byte[] record) {
    return List.of(record);
  }

  private byte[] seedRecord(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> gzip(corpus.controlMessage.getBytes(UTF_8));
      case 1 -> gzip(corpus.slowQueryMessage.getBytes(UTF_8));
      case 2 -> corpus.rdsEvent.getBytes(UTF_8);
      default -> gzipJson(dataMessage(random, random.nextBoolean(), false));
    };
  }

  private ObjectNode dataMessage(Random random, boolean slowLog) {
    return dataMessage(random, slowLog, true);
  }

  /** A well-formed DATA_MESSAGE whose events hold slow or error log text, damaged if asked. */
  private ObjectNode dataMessage(Random random, boolean slowLog, boolean damaged) {
    ObjectNode root = NODES.objectNode();
    root.put("messageType", "DATA_MESSAGE");
    root.put("owner", "123456789012");
    String group =
        random.nextInt(5) > 0
            ? (slowLog
                ? "/aws/rds/cluster/orders-prod/slowquery"
                : "/aws/rds/cluster/orders-prod/error")
            : SeedCorpus.pick(random, SeedCorpus.LOG_GROUPS);
    root.put("logGroup", group);
    root.put(
        "logStream",
        random.nextInt(5) > 0
            ? "orders-prod-instance-" + (1 + random.nextInt(2))
            : SeedCorpus.pick(random, SeedCorpus.LOG_STREAMS));
    root.putArray("subscriptionFilters").add("precursor");
    ArrayNode events = root.putArray("logEvents");
    // Now and then a large batch; CloudWatch sends up to 10,000 events in one.
    int count = random.nextInt(500) == 0 ? 100 + random.nextInt(400) : 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      String message = slowLog ? corpus.anySlowLogText(random) : corpus.anyErrorLogText(random);
      if (damaged && random.nextInt(4) > 0) {
        message = text.mutate(random, message);
      }
      events
          .addObject()
          .put("id", Long.toUnsignedString(random.nextLong()) + i)
          .put("timestamp", 1794906000000L + random.nextInt(86_400_000))
          .put("message", message);
    }
    return root;
  }

  /** A DATA_MESSAGE with a field removed, mistyped or odd, at the top or in an event. */
  private ObjectNode brokenFields(Random random) {
    ObjectNode root = dataMessage(random, random.nextBoolean(), false);
    int damages = 1 + random.nextInt(3);
    for (int i = 0; i < damages; i++) {
      ArrayNode events = root.path("logEvents") instanceof ArrayNode a ? a : null;
      boolean inEvent = events != null && !events.isEmpty() && random.nextBoolean();
      ObjectNode target =
          inEvent && events.get(random.nextInt(events.size())) instanceof ObjectNode event
              ? event
              : root;
      String field = SeedCorpus.pick(random, target == root ? DATA_FIELDS : EVENT_FIELDS);
      switch (random.nextInt(4)) {
        case 0 -> target.remove(field);
        case 1 -> target.set(field, oddValue(random));
        case 2 -> target.put(field, oddText(random));
        default -> {
          if (events != null) {
            if (random.nextBoolean()) {
              events.removeAll();
            } else {
              events.add(oddValue(random));
            }
          }
        }
      }
    }
    return root;
  }

  private static JsonNode oddValue(Random random) {
    return switch (random.nextInt(11)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(random.nextDouble() * 1e20);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.arrayNode().add(1).add("two");
      case 5 -> NODES.objectNode().put("nested", "object");
      case 6 -> NODES.textNode("");
      case 7 -> NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
      case 8 -> NODES.numberNode(-1L);
      case 9 -> NODES.textNode("CONTROL_MESSAGE");
      default -> NODES.textNode("DATA_MESSAGE");
    };
  }

  private static String oddText(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> LogTextMutator.randomChars(random, random.nextInt(40));
      case 1 -> "x".repeat(random.nextInt(20) == 0 ? 300_000 : random.nextInt(2_000));
      case 2 -> SeedCorpus.pick(random, SeedCorpus.LOG_GROUPS);
      case 3 -> "1794906000000";
      default -> "\u0000\uD800";
    };
  }

  /** The JSON of a good message, cut, with a character dropped, added or swapped, or wrapped. */
  private byte[] brokenJsonText(Random random) {
    String json = new String(json(dataMessage(random, random.nextBoolean(), false)), UTF_8);
    String broken =
        switch (random.nextInt(11)) {
          case 0 -> json.substring(0, random.nextInt(json.length()));
          case 1 -> deleteChar(random, json);
          case 2 -> insertAt(random, json, String.valueOf(pickChar(random, JSON_CHARS)));
          case 3 -> json + SeedCorpus.pick(random, List.of("}", " {}", "x", "\u0000", "\n]"));
          case 4 -> "[" + json + "]";
          case 5 -> "[".repeat(1 + random.nextInt(5_000)) + "]".repeat(random.nextInt(5_000));
          case 6 -> json.replace("\"logGroup\"", "\"logGroup\":1,\"logGroup\"");
          case 7 -> json.replaceFirst("\\\\n", "\\\\x");
          case 8 ->
              json.replaceFirst(
                  "\"timestamp\":", "\"timestamp\":1" + "0".repeat(2_000) + ",\"_\":");
          case 9 -> json.replaceFirst("\"message\":\"", "\"message\":\"\\\\ud800\\\\u0000");
          default -> "\uFEFF" + json;
        };
    return broken.getBytes(UTF_8);
  }

  /** A message whose bytes are not UTF-8: Latin-1, UTF-16, or stray bytes in a string. */
  private byte[] nonUtf8(Random random) {
    String json =
        new String(json(dataMessage(random, random.nextBoolean(), false)), UTF_8)
            .replace("balance", "balance é ☕");
    return switch (random.nextInt(3)) {
      case 0 -> json.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      case 1 -> json.getBytes(UTF_16);
      default -> {
        byte[] bytes = json.getBytes(UTF_8);
        int quote = json.indexOf("\"message\":\"");
        int at = quote < 0 ? random.nextInt(bytes.length) : quote + 11;
        byte[] stray = {
          (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80
        };
        byte[] out = new byte[bytes.length + stray.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(stray, 0, out, at, stray.length);
        System.arraycopy(bytes, at, out, at + stray.length, bytes.length - at);
        yield out;
      }
    };
  }

  /** A good gzipped record with flipped bits, cut short, or a damaged header or trailer. */
  private byte[] corruptGzip(Random random) {
    byte[] record = gzipJson(dataMessage(random, random.nextBoolean(), false));
    switch (random.nextInt(8)) {
      case 0 -> {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          int at = random.nextInt(record.length);
          record[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> record = java.util.Arrays.copyOf(record, random.nextInt(record.length));
      case 2 -> record[2] = (byte) random.nextInt(256); // compression method
      case 3 -> record[3] = (byte) (random.nextInt(32) | 0x04); // FEXTRA, with no extra field
      case 4 -> record[3] = 0x08; // FNAME, and the "name" runs into the deflate data
      case 5 -> {
        int end = record.length;
        record = java.util.Arrays.copyOf(record, end + 4);
        record[end] = 0x1f; // a second member that is only a magic number
        record[end + 1] = (byte) 0x8b;
      }
      case 6 -> {
        // A second, valid member: JSON then more JSON.
        byte[] second = gzipJson(dataMessage(random, true, false));
        byte[] both = java.util.Arrays.copyOf(record, record.length + second.length);
        System.arraycopy(second, 0, both, record.length, second.length);
        record = both;
      }
      default -> record[record.length - 5 - random.nextInt(4)] ^= 0x55; // CRC32 or size
    }
    return record;
  }

  /** Bytes that are not a gzip record at all, or gzip of something else. */
  private byte[] notGzip(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> new byte[0];
      case 1 -> randomBytes(random, 1 + random.nextInt(4096));
      case 2 -> {
        byte[] bytes = randomBytes(random, 2 + random.nextInt(512));
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        yield bytes;
      }
      case 3 -> Base64.getEncoder().encode(gzipJson(dataMessage(random, true, false)));
      case 4 -> gzip(gzipJson(dataMessage(random, true, false)));
      case 5 -> json(dataMessage(random, random.nextBoolean(), true)); // plain JSON, no gzip
      case 6 -> gzip(LogTextMutator.randomChars(random, random.nextInt(2048)).getBytes(UTF_8));
      case 7 ->
          gzip(
              SeedCorpus.pick(random, List.of("null", "[]", "42", "\"text\"", "{}", ""))
                  .getBytes(UTF_8));
      default -> random.nextInt(20) == 0 ? gzipBomb() : gzip(" ".getBytes(UTF_8));
    };
  }

  /** EventBridge aws.rds events, plain JSON on the stream, with fields missing or mistyped. */
  private byte[] eventBridge(Random random) {
    try {
      ObjectNode event = (ObjectNode) JSON.readTree(corpus.rdsEvent);
      ObjectNode detail = (ObjectNode) event.get("detail");
      for (int i = random.nextInt(4); i >= 0; i--) {
        ObjectNode target = random.nextBoolean() ? event : detail;
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = SeedCorpus.pick(random, fields);
        switch (random.nextInt(3)) {
          case 0 -> target.remove(field);
          case 1 -> target.set(field, oddValue(random));
          default -> target.put(field, oddText(random));
        }
      }
      if (random.nextInt(10) == 0) {
        event.put("source", "aws.ec2");
      }
      byte[] bytes = json(event);
      return random.nextInt(3) == 0 ? gzip(bytes) : bytes;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One event of one line built to make a regex backtrack or recurse: repeated separators and
   * unclosed quotes in header, banner and error log lines, up to past CloudWatch's 256 KB.
   * Statement text stays at 2 KB: fingerprinting is still quadratic on a multi-row INSERT whose
   * VALUES never meet "),(" (QueryFingerprint's MULTI_ROW_INSERT regex, seconds at 50 KB).
   */
  private ObjectNode hostileLines(Random random) {
    int size = random.nextInt(40) == 0 ? 300_000 : 2_000 + random.nextInt(30_000);
    String header =
        "# User@Host: app[app] @  [10.0.4.17]  Id: 7\n# Query_time: 1.0  Lock_time: 0.0"
            + " Rows_sent: 0  Rows_examined: 1\n";
    String errorHeader =
        "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions deadlock detected,"
            + " dumping detailed information.\n";
    int statement = Math.min(size, 2_000);
    String slowLog =
        switch (random.nextInt(9)) {
          case 0 -> "# User@Host: a" + "@ b [".repeat(size / 5) + "\n" + header + "SELECT 1;";
          case 1 -> header.strip() + " " + "a".repeat(size) + "\nSELECT 1;";
          case 2 -> "/x" + "mysqld, Version".repeat(size / 15) + "\n" + header + "SELECT 1;";
          case 3 -> "# Time: " + "1 ".repeat(size / 2) + "\n" + header + "SELECT 1;";
          case 4 -> header + "# Schema: " + "Schema:  ".repeat(size / 9) + "\nSELECT 1;";
          case 5 -> header + "INSERT INTO t VALUES (" + "VALUES (1) ".repeat(statement / 11) + ";";
          case 6 -> header + "SELECT 1 " + "/*x".repeat(statement / 3) + ";";
          case 7 -> header + "SELECT a FROM t ORDER BY " + "a ".repeat(statement / 2) + ";";
          default -> header + "SELECT '" + "\\'".repeat(statement / 2) + ";";
        };
    String errorLog =
        switch (random.nextInt(5)) {
          case 0 -> errorHeader + "RECORD LOCKS of table `" + "a".repeat(size);
          case 1 -> errorHeader + "x lock_mode ".repeat(size / 12);
          case 2 -> errorHeader + "TABLE LOCK table `" + "``".repeat(size / 2);
          case 3 -> "2026-11-17T09:47:12.345678Z " + "1 ".repeat(size / 2);
          default -> (LATEST_DEADLOCK + "\n").repeat(size / 25);
        };
    boolean slow = random.nextBoolean();
    ObjectNode root = NODES.objectNode();
    root.put("messageType", "DATA_MESSAGE");
    root.put("owner", "123456789012");
    root.put(
        "logGroup",
        slow ? "/aws/rds/cluster/orders-prod/slowquery" : "/aws/rds/cluster/orders-prod/error");
    root.put("logStream", "orders-prod-instance-3");
    root.putArray("subscriptionFilters").add("precursor");
    root.putArray("logEvents")
        .addObject()
        .put("id", Long.toUnsignedString(random.nextLong()))
        .put("timestamp", 1794908832400L)
        .put("message", slow ? slowLog : errorLog);
    return root;
  }

  /**
   * A deadlock dump's lines cut into consecutive records of one or two streams, sometimes with a
   * line lost or a stranger's line in between, as CloudWatch and Kinesis may deliver them.
   */
  private List<byte[]> splitDeadlockDumps(Random random) {
    List<String> lines = SeedCorpus.pick(random, deadlockDumps);
    int start = random.nextInt(Math.max(1, lines.size() - 5));
    List<String> dump = new ArrayList<>(lines.subList(start, lines.size()));
    if (random.nextInt(4) == 0) {
      dump.remove(random.nextInt(dump.size()));
    }
    if (random.nextInt(4) == 0) {
      dump.add(random.nextInt(dump.size() + 1), corpus.anyErrorLogText(random));
    }
    List<byte[]> records = new ArrayList<>();
    String[] streams = {"orders-prod-instance-1", "orders-prod-instance-2"};
    int at = 0;
    while (at < dump.size()) {
      int take = 1 + random.nextInt(Math.min(8, dump.size() - at));
      ObjectNode root = NODES.objectNode();
      root.put("messageType", "DATA_MESSAGE");
      root.put("owner", "123456789012");
      root.put("logGroup", "/aws/rds/cluster/orders-prod/error");
      root.put("logStream", streams[random.nextInt(4) == 0 ? 1 : 0]);
      root.putArray("subscriptionFilters").add("precursor");
      ArrayNode events = root.putArray("logEvents");
      // Each line its own event, or the lines of the record in one event.
      List<String> chunk = dump.subList(at, at + take);
      List<String> messages = random.nextBoolean() ? chunk : List.of(String.join("\n", chunk));
      for (String message : messages) {
        events
            .addObject()
            .put("id", Long.toUnsignedString(random.nextLong()))
            .put("timestamp", 1794908832400L)
            .put("message", message);
      }
      records.add(gzipJson(root));
      at += take;
    }
    return records;
  }

  private byte[] gzipBomb() {
    if (gzipBomb == null) {
      // Past SubscriptionDecoder's 8 MiB default, yet a few KB on the wire.
      byte[] spaces = new byte[9 * 1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      gzipBomb = gzip(spaces);
    }
    return gzipBomb;
  }

  private static char pickChar(Random random, String chars) {
    return chars.charAt(random.nextInt(chars.length()));
  }

  private static String deleteChar(Random random, String text) {
    int at = random.nextInt(text.length());
    return text.substring(0, at) + text.substring(at + 1);
  }

  private static String insertAt(Random random, String text, String inserted) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + inserted + text.substring(at);
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] gzipJson(JsonNode node) {
    return gzip(json(node));
  }

  /** Via a String: Jackson's byte writer refuses half a surrogate pair, CloudWatch's may not. */
  private static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node).getBytes(UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gzip as CloudWatch writes it, with one reused fast deflater: a new deflater per record would
   * cost more than most of the reading under test.
   */
  private byte[] gzip(byte[] bytes) {
    deflater.reset();
    deflater.setInput(bytes);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    out.write(GZIP_HEADER, 0, GZIP_HEADER.length);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    writeIntLittleEndian(out, (int) crc.getValue());
    writeIntLittleEndian(out, bytes.length);
    return out.toByteArray();
  }

  private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }
}
