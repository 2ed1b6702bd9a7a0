package io.precursor.ingest.errorlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLogStreamsTest {

  private static final String GROUP = "/aws/rds/cluster/bank-prod/error";
  private static final Instant T0 = Instant.parse("2026-11-17T09:47:13Z");
  private static final String HEADER =
      "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions deadlock detected,"
          + " dumping detailed information.";
  private static final String LOCK =
      "2026-11-17T09:47:12.345760Z 0 [Note] [MY-012469] [InnoDB] RECORD LOCKS space id 58 page no"
          + " 4 n bits 72 index PRIMARY of table `%s`.`%s` trx id 4242427 lock_mode X waiting";
  private static final String ROLL_BACK =
      "2026-11-17T09:47:12.345899Z 0 [Note] [MY-012469] [InnoDB] *** WE ROLL BACK TRANSACTION (1)";

  private final ErrorLogStreams streams =
      new ErrorLogStreams(8192, DumpLimits.DEFAULT, Duration.ofSeconds(10));

  @Test
  void shouldKeepTheDumpsOfInterleavedStreamsApart() {
    accept("instance-1", "a1", HEADER, T0);
    accept("instance-2", "b1", HEADER, T0);
    accept("instance-1", "a2", LOCK.formatted("bank", "accounts"), T0);
    accept("instance-2", "b2", LOCK.formatted("ads", "ad_logs"), T0);

    List<ErrorLogEntry> first = accept("instance-2", "b3", ROLL_BACK, T0);
    List<ErrorLogEntry> second = accept("instance-1", "a3", ROLL_BACK, T0);

    assertThat(first)
        .singleElement()
        .satisfies(
            dump -> {
              assertThat(dump.getInstance()).isEqualTo("instance-2");
              assertThat(dump.getEventId()).isEqualTo("b1");
              assertThat(dump.getTables()).containsExactly("ads.ad_logs");
            });
    assertThat(second)
        .singleElement()
        .satisfies(
            dump -> {
              assertThat(dump.getInstance()).isEqualTo("instance-1");
              assertThat(dump.getEventId()).isEqualTo("a1");
              assertThat(dump.getTables()).containsExactly("bank.accounts");
            });
    assertThat(streams.heldDumps()).isZero();
  }

  @Test
  void shouldKeepStateOnlyForStreamsThatHoldADump() {
    accept("instance-1", "a1", "2026-11-17T09:50:01.000001Z 0 [Note] Normal shutdown", T0);
    accept("instance-2", "b1", HEADER, T0);

    assertThat(streams.heldDumps()).isEqualTo(1);
    assertThat(streams.holdsDump(GROUP, "instance-2")).isTrue();
    assertThat(streams.holdsDump(GROUP, "instance-1")).isFalse();
  }

  @Test
  void shouldFlushOnlyTheStreamsIdleForTheIdleTime() {
    accept("instance-1", "a1", HEADER, T0);
    accept("instance-2", "b1", HEADER, T0.plusSeconds(5));

    assertThat(streams.flushIdle(T0.plusSeconds(9))).isEmpty();
    List<ErrorLogEntry> idle = streams.flushIdle(T0.plusSeconds(10));

    assertThat(idle)
        .singleElement()
        .satisfies(
            dump -> {
              assertThat(dump.getInstance()).isEqualTo("instance-1");
              assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
            });
    assertThat(streams.holdsDump(GROUP, "instance-2")).isTrue();
  }

  @Test
  void shouldMeasureIdlenessFromTheLastLineOfADump() {
    accept("instance-1", "a1", HEADER, T0);
    accept("instance-1", "a2", LOCK.formatted("bank", "accounts"), T0.plusSeconds(8));

    assertThat(streams.flushIdle(T0.plusSeconds(12))).isEmpty();
    assertThat(streams.flushIdle(T0.plusSeconds(18))).hasSize(1);
  }

  @Test
  void shouldFlushEveryHeldDumpAtTheEndOfInput() {
    accept("instance-1", "a1", HEADER, T0);
    accept("instance-2", "b1", HEADER, T0);

    assertThat(streams.flush())
        .extracting(ErrorLogEntry::getInstance)
        .containsExactly("instance-1", "instance-2");
    assertThat(streams.heldDumps()).isZero();
  }

  private List<ErrorLogEntry> accept(String stream, String id, String message, Instant at) {
    return streams.accept(
        stream, LogSource.of(GROUP, stream), new LogEvent(id, T0.toEpochMilli(), message), at);
  }
}
