package io.precursor.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.precursor.ingest.digest.SlowLogEntryTexts;
import io.precursor.ingest.slowlog.QueryFingerprint;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and fingerprint alone, on one thread, over a generated MySQL 8.0 slow log held in memory:
 * the hot path of {@code precursor digest} and of the ingest stage. Scores are entries per second;
 * multiply by the bytes per entry printed at set-up for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParseFingerprintBenchmark {

  /** Entries in the log; each benchmark invocation handles all of them. */
  static final int ENTRIES = 20_000;

  private String log;
  private byte[] logBytes;
  private List<String> statements;
  private final SlowQueryParser parser = new SlowQueryParser();

  @Setup
  public void generate() throws IOException {
    StringWriter out = new StringWriter();
    SlowLogGenerator generator = new SlowLogGenerator(20261117L);
    for (int i = 0; i < ENTRIES; i++) {
      out.write(generator.nextEntry());
    }
    log = out.toString();
    logBytes = log.getBytes(UTF_8);
    statements = new ArrayList<>(ENTRIES);
    SlowLogEntryTexts.split(
        new ByteArrayInputStream(logBytes),
        piece -> {
          for (SlowLogItem item : parser.parse(piece)) {
            statements.add(((SlowLogEntry) item).statement());
          }
        });
    if (statements.size() != ENTRIES) {
      throw new IllegalStateException("read " + statements.size() + " of " + ENTRIES + " entries");
    }
    System.out.printf(
        "%n[bench] %d entries, %d bytes, %.1f bytes per entry%n",
        ENTRIES, log.getBytes(UTF_8).length, (double) log.getBytes(UTF_8).length / ENTRIES);
  }

  /** What the digest does per entry: cut the log into entries, parse them, fingerprint them. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void parseAndFingerprint(Blackhole blackhole) throws IOException {
    SlowLogEntryTexts.split(
        new ByteArrayInputStream(logBytes),
        piece -> {
          for (SlowLogItem item : parser.parse(piece)) {
            blackhole.consume(QueryFingerprint.of(((SlowLogEntry) item).statement()));
          }
        });
  }

  /** The parser's share: cut and parse, no fingerprint. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void parseOnly(Blackhole blackhole) throws IOException {
    SlowLogEntryTexts.split(
        new ByteArrayInputStream(logBytes), piece -> blackhole.consume(parser.parse(piece)));
  }

  /** The fingerprint's share, over statements parsed beforehand. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void fingerprintOnly(Blackhole blackhole) {
    for (String statement : statements) {
      blackhole.consume(QueryFingerprint.of(statement));
    }
  }
}
