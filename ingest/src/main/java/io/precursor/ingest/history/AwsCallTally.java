package io.precursor.ingest.history;

import io.precursor.ingest.metrics.AwsRetry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Counts the AWS calls of a replay per API, and the throttled and failed attempts retried. */
public final class AwsCallTally implements AwsRetry.Listener {

  private final Map<String, Integer> requests = new TreeMap<>();
  private int throttles;
  private int serverErrors;
  private int unreachable;

  /** Notes that a call of {@code operation} succeeded, {@code count} times. */
  public synchronized void requests(String operation, int count) {
    requests.merge(operation, count, Integer::sum);
  }

  @Override
  public synchronized void retrying(
      String operation, AwsRetry.Cause cause, int attempt, Duration backoff) {
    switch (cause) {
      case THROTTLED -> throttles++;
      case SERVER_ERROR -> serverErrors++;
      case UNREACHABLE -> unreachable++;
    }
  }

  public synchronized int requests(String operation) {
    return requests.getOrDefault(operation, 0);
  }

  public synchronized int throttles() {
    return throttles;
  }

  public synchronized int serverErrors() {
    return serverErrors;
  }

  @Override
  public synchronized String toString() {
    StringBuilder text = new StringBuilder();
    requests.forEach(
        (operation, count) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(count)
                .append(' ')
                .append(operation));
    return (text.length() == 0 ? "no" : text)
        + " requests; "
        + throttles
        + " throttled, "
        + serverErrors
        + " server errors, "
        + unreachable
        + " unreachable, retried with backoff";
  }
}
