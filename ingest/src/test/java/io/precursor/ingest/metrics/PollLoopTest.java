package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollLoopTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:07Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ManualClock clock = new ManualClock(T0);
  private final List<Instant> polledAt = new ArrayList<>();
  private final List<Instant> waitedUntil = new ArrayList<>();

  @Test
  void shouldPollEveryIntervalUntilClosed() {
    PollLoop[] loop = new PollLoop[1];
    loop[0] =
        loop(
            () -> {
              polledAt.add(clock.instant());
              if (polledAt.size() == 3) {
                loop[0].close();
              }
            });

    loop[0].run();

    assertThat(polledAt).containsExactly(T0, T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(2)));
    assertThat(loop[0].polls()).isEqualTo(3);
    assertThat(loop[0].isClosed()).isTrue();
  }

  @Test
  void shouldSkipTheStartsAnOverrunningPollMissedInsteadOfCatchingUp() {
    PollLoop[] loop = new PollLoop[1];
    loop[0] =
        loop(
            () -> {
              polledAt.add(clock.instant());
              if (polledAt.size() == 1) {
                // The first poll takes two and a half intervals.
                clock.advance(Duration.ofSeconds(150));
              }
              if (polledAt.size() == 3) {
                loop[0].close();
              }
            });

    loop[0].run();

    assertThat(polledAt)
        .containsExactly(T0, T0.plus(MINUTE.multipliedBy(3)), T0.plus(MINUTE.multipliedBy(4)));
  }

  @Test
  void shouldKeepPollingOnScheduleAfterAFailedPoll() {
    PollLoop[] loop = new PollLoop[1];
    loop[0] =
        loop(
            () -> {
              polledAt.add(clock.instant());
              if (polledAt.size() == 1) {
                throw new IllegalStateException("CloudWatch is down");
              }
              loop[0].close();
            });

    loop[0].run();

    assertThat(polledAt).containsExactly(T0, T0.plus(MINUTE));
    assertThat(loop[0].failures()).isEqualTo(1);
    assertThat(loop[0].polls()).isEqualTo(2);
  }

  @Test
  void shouldStopItsOwnThreadPromptlyWhenClosedWhileWaiting() throws InterruptedException {
    CountDownLatch firstPoll = new CountDownLatch(1);
    // A real clock and a one-hour interval: only close() can end the wait.
    PollLoop loop =
        new PollLoop(
            "test-poll", Duration.ofHours(1), java.time.Clock.systemUTC(), firstPoll::countDown);
    loop.start();
    assertThat(firstPoll.await(30, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    loop.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(loop.polls()).isEqualTo(1);
  }

  private PollLoop loop(Runnable poll) {
    return new PollLoop(
        "test-poll",
        MINUTE,
        clock,
        deadline -> {
          waitedUntil.add(deadline);
          if (deadline.isAfter(clock.instant())) {
            clock.set(deadline);
          }
        },
        poll);
  }
}
