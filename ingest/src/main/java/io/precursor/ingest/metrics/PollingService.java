package io.precursor.ingest.metrics;

import io.precursor.ingest.IngestPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A {@link Poller} running on a thread of its own with its own Kafka producer and AWS clients;
 * closing it stops the poll after the one in progress and releases them.
 *
 * @param <R> what one poll reports
 */
public abstract class PollingService<R> implements AutoCloseable {

  private final IngestPublisher publisher;
  private final List<SdkAutoCloseable> clients;
  private final Poller<R> poller;
  private final PollLoop loop;

  /**
   * Starts polling every {@code interval} on a thread named {@code name}.
   *
   * @param publisher the producer the poller publishes with, closed with the service
   * @param clients the AWS clients the poller calls, closed with the service
   */
  protected PollingService(
      String name,
      Duration interval,
      Clock clock,
      Poller<R> poller,
      IngestPublisher publisher,
      List<? extends SdkAutoCloseable> clients) {
    this.publisher = publisher;
    this.clients = List.copyOf(clients);
    this.poller = poller;
    this.loop = new PollLoop(name, interval, clock, poller::poll);
    loop.start();
  }

  /** Polls run so far, failed ones included. */
  public long polls() {
    return loop.polls();
  }

  /** Polls that failed. */
  public long failures() {
    return loop.failures();
  }

  /** What the last completed poll did, or null before the first. */
  public R lastReport() {
    return poller.lastReport();
  }

  /** What every poll so far did. */
  public PollTotals totals() {
    return poller.totals();
  }

  /** The Kafka producer the polls publish with (for its client metrics). */
  public Producer<byte[], byte[]> producer() {
    return publisher.producer();
  }

  @Override
  public void close() {
    loop.close();
    publisher.close();
    clients.forEach(SdkAutoCloseable::close);
  }
}
