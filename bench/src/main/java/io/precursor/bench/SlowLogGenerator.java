package io.precursor.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes a MySQL 8.0 slow query log of a given size from a fixed seed: an application's mix of
 * point reads, IN lists, joins, reports, multi-row INSERTs and batched DELETEs, a long tail of
 * rarer statements, administrator commands and the occasional very long statement. The same seed
 * and size always give the same bytes.
 *
 * <p>Usage: {@code SlowLogGenerator OUT_FILE SIZE_MB [SEED]}
 */
public final class SlowLogGenerator {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final String BANNER =
      "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
          + "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
          + "Time                 Id Command    Argument\n";

  private static final String[] USERS = {"app", "app", "app", "batch", "report", "etl", "admin"};
  private static final String[] COUNTRIES = {"DE", "FR", "JP", "US", "BR", "IN", "GB", "ES"};
  private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "CANCELLED", "RETURNED"};
  private static final String[] NAMES = {
    "O\\'Brien", "Zoë", "José", "山田", "it''s", "Smith", "Müller", "Nguyen", "d\\'Arcy", "Ola"
  };
  private static final String[] TENANTS = {
    "acme",
    "globex",
    "initech",
    "umbrella",
    "hooli",
    "stark",
    "wayne",
    "wonka",
    "tyrell",
    "cyberdyne",
    "soylent",
    "aperture",
    "gringotts",
    "oceanic",
    "vandelay",
    "pied_piper"
  };
  private static final String[] REPORT_COLUMNS = {
    "region", "channel", "device", "campaign", "country", "plan", "currency", "segment"
  };

  private final SplittableRandom random;
  private final List<Template> templates;
  private final double totalWeight;
  private Instant now = Instant.parse("2026-11-17T00:00:00Z");
  private String lastDatabase;

  /** One kind of statement: how often, in which database, and how it is made. */
  private record Template(double weight, String database, Function<SplittableRandom, Query> make) {}

  /** A statement and what running it cost. */
  private record Query(String sql, double seconds, long rowsSent, long rowsExamined) {}

  public SlowLogGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    this.templates = templates();
    this.totalWeight = templates.stream().mapToDouble(Template::weight).sum();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SlowLogGenerator OUT_FILE SIZE_MB [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long bytes = (long) (Double.parseDouble(args[1]) * 1024 * 1024);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261117L;
    long entries;
    try (Writer writer =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), UTF_8), 1 << 16)) {
      entries = new SlowLogGenerator(seed).write(writer, bytes);
    }
    System.err.printf(
        Locale.ROOT, "wrote %d entries, %d bytes to %s%n", entries, Files.size(out), out);
  }

  /** Writes entries until at least {@code bytes} characters are written; returns how many. */
  public long write(Writer out, long bytes) throws IOException {
    out.write(BANNER);
    long written = BANNER.length();
    long entries = 0;
    while (written < bytes) {
      String entry = nextEntry();
      out.write(entry);
      written += entry.length();
      entries++;
    }
    return entries;
  }

  /** The next entry's text, ending with a newline. */
  public String nextEntry() {
    Template template = pick();
    Query query = template.make().apply(random);
    String user = USERS[random.nextInt(USERS.length)];
    int threadId = 1000 + random.nextInt(400);
    double queryTime = Math.max(0.000001, query.seconds());
    double lockTime = random.nextInt(10) < 7 ? 0 : random.nextDouble() * 0.002;
    now = now.plusNanos((long) (-Math.log(1 - random.nextDouble()) * 40_000_000L));
    StringBuilder out = new StringBuilder(320 + query.sql().length());
    out.append("# Time: ").append(TIME.format(now)).append('\n');
    out.append("# User@Host: ")
        .append(user)
        .append('[')
        .append(user)
        .append("] @  [10.0.")
        .append(threadId % 7)
        .append('.')
        .append(threadId % 200)
        .append("]  Id: ")
        .append(String.format(Locale.ROOT, "%5d", threadId))
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d%n",
            queryTime,
            lockTime,
            query.rowsSent(),
            query.rowsExamined()));
    if (query.sql().startsWith("administrator command: ")) {
      return out.append("# ").append(query.sql()).append(";\n").toString();
    }
    if (!template.database().equals(lastDatabase)) {
      out.append("use ").append(template.database()).append(";\n");
      lastDatabase = template.database();
    }
    long started = now.minusNanos((long) (queryTime * 1e9)).getEpochSecond();
    out.append("SET timestamp=").append(started).append(";\n");
    return out.append(query.sql()).append(";\n").toString();
  }

  private Template pick() {
    double point = random.nextDouble() * totalWeight;
    for (Template template : templates) {
      point -= template.weight();
      if (point < 0) {
        return template;
      }
    }
    return templates.get(templates.size() - 1);
  }

  private static double logNormal(SplittableRandom r, double median, double spread) {
    return median * Math.exp(spread * gaussian(r));
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static String ints(SplittableRandom r, int count, int bound) {
    StringBuilder out = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ", ").append(r.nextInt(bound));
    }
    return out.toString();
  }

  private static String date(SplittableRandom r) {
    return String.format(Locale.ROOT, "2026-%02d-%02d", 1 + r.nextInt(11), 1 + r.nextInt(28));
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static List<Template> templates() {
    return List.of(
        new Template(
            30,
            "shop",
            r ->
                new Query(
                    "SELECT * FROM orders WHERE id = " + r.nextInt(50_000_000),
                    logNormal(r, 0.4, 0.5),
                    1,
                    1)),
        new Template(
            12,
            "shop",
            r -> {
              int values = 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 40);
              boolean fullScan = values >= 200;
              return new Query(
                  "SELECT * FROM example WHERE col_0 IN (" + ints(r, values, 1_000_000) + ")",
                  fullScan ? logNormal(r, 40, 0.4) : logNormal(r, 0.8, 0.6),
                  r.nextInt(values + 1),
                  fullScan ? 2_000_000_000L + r.nextInt(1_000_000) : values * 3L);
            }),
        new Template(
            10,
            "shop",
            r ->
                new Query(
                    "SELECT o.id, o.total\n  FROM `orders` o\n  JOIN shop.customers c ON c.id ="
                        + " o.customer_id\n WHERE o.status IN ('"
                        + pick(r, STATUSES)
                        + "', '"
                        + pick(r, STATUSES)
                        + "')\n   AND c.country = '"
                        + pick(r, COUNTRIES)
                        + "'",
                    logNormal(r, 2.5, 0.7),
                    r.nextInt(500),
                    500_000 + r.nextInt(2_000_000))),
        new Template(
            6,
            "shop",
            r ->
                new Query(
                    "SELECT id, email, created_at FROM customers WHERE last_name = '"
                        + pick(r, NAMES)
                        + "' AND is_active = "
                        + (r.nextBoolean() ? "TRUE" : "false")
                        + " ORDER BY created_at DESC LIMIT "
                        + (10 + r.nextInt(90)),
                    logNormal(r, 0.6, 0.5),
                    r.nextInt(100),
                    1000 + r.nextInt(50_000))),
        new Template(
            6,
            "ads",
            r -> {
              int rows = 1 + r.nextInt(r.nextInt(20) == 0 ? 2000 : 50);
              StringBuilder sql =
                  new StringBuilder(
                      "INSERT INTO ad_logs (ad_id, click_count, impression_count, log_date) VALUES ");
              String date = date(r);
              for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ",")
                    .append("('ad-")
                    .append(r.nextInt(100_000))
                    .append("',")
                    .append(r.nextInt(100))
                    .append(',')
                    .append(r.nextInt(100_000))
                    .append(",'")
                    .append(date)
                    .append("')");
              }
              return new Query(sql.toString(), logNormal(r, 0.3 + rows * 0.002, 0.5), 0, 0);
            }),
        new Template(
            4,
            "ads",
            r -> {
              String from = date(r);
              return new Query(
                  "DELETE FROM ad_logs WHERE log_date >= '"
                      + from
                      + "' AND log_date < '"
                      + from
                      + "' + INTERVAL 1 DAY LIMIT 10000",
                  logNormal(r, 8, 0.6),
                  0,
                  10_000 + r.nextInt(200_000));
            }),
        new Template(
            5,
            "billing",
            r ->
                new Query(
                    "UPDATE accounts SET balance = balance - "
                        + (r.nextInt(10_000) / 100.0)
                        + ", updated_at = NOW() WHERE id = "
                        + r.nextInt(1_000_000),
                    logNormal(r, 0.5, 0.8),
                    0,
                    1)),
        new Template(
            4,
            "billing",
            r ->
                new Query(
                    "INSERT INTO invoice_line (invoice_id, period, amount) VALUES ("
                        + r.nextInt(9_000_000)
                        + ", '2026-"
                        + (1 + r.nextInt(12))
                        + "', "
                        + (r.nextInt(100_000) / 100.0)
                        + ") ON DUPLICATE KEY UPDATE amount = VALUES(amount)",
                    logNormal(r, 0.3, 0.5),
                    0,
                    0)),
        new Template(
            3,
            "analytics",
            r -> {
              String a = pick(r, REPORT_COLUMNS);
              String b = pick(r, REPORT_COLUMNS);
              return new Query(
                  "SELECT "
                      + a
                      + ", "
                      + b
                      + ", COUNT(*), SUM(amount) FROM page_views WHERE viewed_at BETWEEN '"
                      + date(r)
                      + " 00:00:00' AND '"
                      + date(r)
                      + " 23:59:59' GROUP BY "
                      + a
                      + ", "
                      + b
                      + " ORDER BY 3 DESC LIMIT 50",
                  logNormal(r, 12, 0.8),
                  50,
                  1_000_000 + r.nextInt(20_000_000));
            }),
        new Template(
            3,
            "shop",
            r -> {
              String tenant = pick(r, TENANTS);
              return new Query(
                  "/* app=api,tenant="
                      + tenant
                      + " */ SELECT COUNT(*) FROM "
                      + tenant
                      + ".orders WHERE status = '"
                      + pick(r, STATUSES)
                      + "' AND created_at > NOW() - INTERVAL "
                      + (1 + r.nextInt(30))
                      + " DAY",
                  logNormal(r, 1.5, 0.7),
                  1,
                  10_000 + r.nextInt(1_000_000));
            }),
        new Template(
            2,
            "shop",
            r ->
                new Query(
                    "SELECT id FROM orders WHERE customer_id = "
                        + r.nextInt(1_000_000)
                        + " UNION SELECT id FROM orders WHERE customer_id = "
                        + r.nextInt(1_000_000)
                        + " UNION SELECT id FROM orders WHERE customer_id = "
                        + r.nextInt(1_000_000),
                    logNormal(r, 0.7, 0.5),
                    r.nextInt(20),
                    r.nextInt(200))),
        new Template(
            2,
            "billing",
            r ->
                new Query(
                    "CALL close_period(" + r.nextInt(1000) + ", '2026-10')",
                    logNormal(r, 20, 0.5),
                    0,
                    r.nextInt(5_000_000))),
        new Template(
            2, "shop", r -> new Query("administrator command: Quit", logNormal(r, 0.2, 0.3), 0, 0)),
        new Template(
            1,
            "shop",
            r ->
                new Query(
                    "SELECT t.*, c.name FROM tickets t LEFT JOIN customers c USING (customer_id)"
                        + " WHERE t.subject LIKE '%"
                        + pick(r, NAMES)
                        + "%' AND t.body NOT LIKE '%-- spam%' ORDER BY t.id ASC LIMIT "
                        + r.nextInt(100)
                        + ", 20",
                    logNormal(r, 3, 0.5),
                    20,
                    100_000 + r.nextInt(400_000))),
        new Template(
            1,
            "analytics",
            r -> {
              String column = pick(r, REPORT_COLUMNS);
              String tenant = pick(r, TENANTS);
              return new Query(
                  "SELECT "
                      + column
                      + ", AVG(duration_ms) FROM "
                      + tenant
                      + "_events WHERE kind = '"
                      + pick(r, STATUSES)
                      + "' GROUP BY "
                      + column,
                  logNormal(r, 4, 0.9),
                  r.nextInt(30),
                  100_000 + r.nextInt(10_000_000));
            }),
        new Template(
            1,
            "shop",
            r ->
                new Query(
                    "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool%'",
                    logNormal(r, 0.2, 0.3), 20, 20)),
        new Template(
            0.5,
            "shop",
            r ->
                new Query(
                    "SELECT * FROM orders WHERE id IN (SELECT order_id FROM order_items WHERE sku ="
                        + " 'sku-"
                        + r.nextInt(100_000)
                        + "' AND qty > "
                        + r.nextInt(10)
                        + ") FOR UPDATE",
                    logNormal(r, 5, 0.5),
                    r.nextInt(10),
                    1_000_000 + r.nextInt(1_000_000))));
  }
}
