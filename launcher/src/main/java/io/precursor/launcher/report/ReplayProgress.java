package io.precursor.launcher.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a replay has got on stderr: a progress bar (count, rate, ETA, the event-time window
 * covered) when it is a terminal, otherwise a plain line every few seconds, for logs and CI.
 */
public final class ReplayProgress implements AutoCloseable {

  /** How often a plain line is printed when stderr is not a terminal. */
  static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

  private final PrintStream err;
  private final boolean terminal;
  private final ScheduledExecutorService ticker;
  private ProgressPhase phase;
  private ProgressBar bar;
  private RateEstimate rate;
  private long lastLine;

  private ReplayProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "precursor-replay-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** A bar when the JVM has a console (stdin and stdout are terminals), plain lines otherwise. */
  public static ReplayProgress onStderr() {
    return new ReplayProgress(System.err, System.console() != null);
  }

  /** Plain lines on {@code err}, whatever it is. */
  public static ReplayProgress lines(PrintStream err) {
    return new ReplayProgress(err, false);
  }

  /** Ends the current phase (its final figures are shown) and starts {@code next}. */
  public synchronized void begin(ProgressPhase next) {
    finish();
    phase = next;
    rate = new RateEstimate(System.nanoTime(), next.done().getAsLong());
    lastLine = System.nanoTime();
    if (terminal) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(next.name())
              .setInitialMax(Math.max(-1, next.total().getAsLong()))
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setUpdateIntervalMillis(250)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .setUnit(" " + next.unit(), 1)
              .showSpeed()
              .build();
    } else {
      err.printf("replay: %s started%n", next.name());
    }
  }

  private synchronized void tick() {
    if (phase == null) {
      return;
    }
    long done = phase.done().getAsLong();
    long total = phase.total().getAsLong();
    if (bar != null) {
      if (total >= 0) {
        bar.maxHint(Math.max(total, done));
      }
      bar.stepTo(done);
      bar.setExtraMessage(phase.detail().get());
    } else if (System.nanoTime() - lastLine >= LINE_INTERVAL.toNanos()) {
      lastLine = System.nanoTime();
      err.println(line(done, total));
    }
  }

  /** e.g. "replay: ingest 1,200,000 of 2,000,000 records (60%), 85,000 records/s, ETA 9 s, ..." */
  String line(long done, long total) {
    long now = System.nanoTime();
    double perSecond = rate.perSecond(now, done);
    StringBuilder line = new StringBuilder("replay: ").append(phase.name()).append(' ');
    line.append(String.format(Locale.ROOT, "%,d", done));
    if (total >= 0) {
      line.append(String.format(Locale.ROOT, " of %,d", total));
    }
    line.append(' ').append(phase.unit());
    if (total > 0) {
      line.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
    }
    line.append(String.format(Locale.ROOT, ", %,.0f %s/s", perSecond, phase.unit()));
    if (total >= 0 && perSecond > 0 && total > done) {
      line.append(", ETA ").append(RateEstimate.human((long) ((total - done) / perSecond)));
    }
    String detail = phase.detail().get();
    if (!detail.isEmpty()) {
      line.append(", ").append(detail);
    }
    return line.toString();
  }

  private void finish() {
    if (phase == null) {
      return;
    }
    long done = phase.done().getAsLong();
    if (bar != null) {
      bar.maxHint(Math.max(done, phase.total().getAsLong()));
      bar.stepTo(done);
      bar.setExtraMessage(phase.detail().get());
      bar.close();
      bar = null;
    } else {
      err.println(line(done, phase.total().getAsLong()) + " - done");
    }
    phase = null;
  }

  @Override
  public synchronized void close() {
    finish();
    ticker.shutdownNow();
  }
}
