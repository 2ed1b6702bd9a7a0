package io.precursor.ingest.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a poll every interval until closed. Polls start at a fixed rate; when one overruns, the
 * missed starts are skipped rather than run back to back. A failed poll is logged and counted and
 * the next one runs on time, since every poll re-reads what the failed one missed.
 */
public final class PollLoop implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

  /** Waits until an instant of the loop's clock; tests pass one that moves a manual clock. */
  @FunctionalInterface
  interface Pacer {
    void waitUntil(Instant deadline) throws InterruptedException;
  }

  private final String name;
  private final Duration interval;
  private final Clock clock;
  private final Pacer pacer;
  private final Runnable poll;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile Thread thread;

  /** A loop on {@code clock} that waits for real between polls and wakes when closed. */
  public PollLoop(String name, Duration interval, Clock clock, Runnable poll) {
    this(name, interval, clock, null, poll);
  }

  /** A loop whose waits are {@code pacer}'s, or real ones when it is null. */
  PollLoop(String name, Duration interval, Clock clock, Pacer pacer, Runnable poll) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.name = name;
    this.interval = interval;
    this.clock = clock;
    this.pacer = pacer != null ? pacer : this::waitOrClose;
    this.poll = poll;
  }

  private void waitOrClose(Instant deadline) throws InterruptedException {
    long millis = Duration.between(clock.instant(), deadline).toMillis();
    if (millis > 0) {
      closed.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Starts the loop on a thread of its own, named after the loop. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException(name + " is already started");
    }
    thread = new Thread(this, name);
    thread.start();
  }

  /** Polls on the calling thread until {@link #close()}. */
  @Override
  public void run() {
    try {
      Instant next = clock.instant();
      while (!isClosed()) {
        pollOnce();
        next = nextStart(next, clock.instant());
        if (isClosed()) {
          break;
        }
        pacer.waitUntil(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("{} interrupted, stopping", name);
    } finally {
      finished.countDown();
    }
  }

  /** The first start after {@code now} on the grid of {@code previous} plus whole intervals. */
  Instant nextStart(Instant previous, Instant now) {
    Instant next = previous.plus(interval);
    if (!next.isAfter(now)) {
      long behind = Duration.between(next, now).toMillis() / interval.toMillis() + 1;
      next = next.plus(interval.multipliedBy(behind));
    }
    return next;
  }

  private void pollOnce() {
    try {
      poll.run();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.warn("{} failed, the next poll re-reads what it missed: {}", name, e.toString(), e);
    } finally {
      polls.incrementAndGet();
    }
  }

  /** Polls run so far, failed ones included. */
  public long polls() {
    return polls.get();
  }

  /** Polls that ended with an exception. */
  public long failures() {
    return failures.get();
  }

  public boolean isClosed() {
    return closed.getCount() == 0;
  }

  /** Stops after the poll in progress, and waits for it when the loop runs on its own thread. */
  @Override
  public void close() {
    closed.countDown();
    Thread running = thread;
    if (running != null && running != Thread.currentThread()) {
      try {
        if (!finished.await(2, TimeUnit.MINUTES)) {
          LOG.warn("{} did not stop within 2 minutes", name);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
