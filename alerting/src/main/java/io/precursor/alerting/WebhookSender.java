package io.precursor.alerting;

import io.precursor.alerting.slack.SlackWebhook;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the alerts for one webhook, one at a time and in the order they were queued, on a thread of
 * its own, so a webhook waiting on its rate limit or retrying does not hold up the others.
 */
final class WebhookSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** An alert waiting for this webhook, and the record whose commit it holds back. */
  record Queued(Alert alert, PartitionProgress progress, long offset) {}

  /** Posts one alert and audits it; throws when the audit record cannot be written. */
  interface Delivery {
    void deliver(Alert alert, SlackWebhook webhook);
  }

  private final SlackWebhook webhook;
  private final BlockingQueue<Queued> queue;
  private final Delivery delivery;
  private final Consumer<RuntimeException> onFailure;
  private final Thread thread;
  // Held while one alert is posted and audited, so a revocation can wait for it to be done.
  private final Object inFlight = new Object();
  private volatile boolean running = true;

  WebhookSender(
      SlackWebhook webhook, int capacity, Delivery delivery, Consumer<RuntimeException> onFailure) {
    this.webhook = webhook;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.delivery = delivery;
    this.onFailure = onFailure;
    this.thread = new Thread(this::sendAll, "alerting-sender-" + webhook.name());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  SlackWebhook webhook() {
    return webhook;
  }

  /** Whether one more alert fits; only the consumer thread adds, so the answer holds. */
  boolean hasRoom() {
    return queue.remainingCapacity() > 0;
  }

  /** Alerts waiting, the one being posted not included. */
  int queued() {
    return queue.size();
  }

  void enqueue(Queued queued) {
    if (!queue.offer(queued)) {
      throw new IllegalStateException("the queue of webhook " + webhook.name() + " is full");
    }
  }

  /**
   * Drops the queued alerts of revoked partitions (their records are read again by the next owner)
   * and returns once the alert being posted, if any, is audited.
   */
  void dropRevoked() {
    queue.removeIf(q -> q.progress().revoked());
    synchronized (inFlight) {
      // Nothing to do: holding the monitor means no post is half done.
    }
  }

  /** Lets the alert in flight finish and be audited, then stops; queued alerts stay unposted. */
  @Override
  public void close() {
    running = false;
    synchronized (inFlight) {
      thread.interrupt();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendAll() {
    while (running) {
      Queued next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      synchronized (inFlight) {
        // A revoked or stopping sender posts nothing more: the record is read again later.
        if (!running || next.progress().revoked()) {
          continue;
        }
        try {
          delivery.deliver(next.alert(), webhook);
          next.progress().settled(next.offset());
        } catch (RuntimeException e) {
          // The audit record may be missing: stop here so the commit never passes this alert.
          log.error("Webhook {}: cannot go on after failing to audit an alert", webhook.name(), e);
          running = false;
          onFailure.accept(e);
        }
      }
    }
  }
}
