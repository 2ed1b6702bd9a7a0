package io.precursor.testkit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Names that no other test of this run (nor of an earlier run on a reused broker) has used. */
public final class UniqueNames {

  // The counter makes names unique within the JVM; the run token across runs on a reused broker.
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final AtomicLong COUNTER = new AtomicLong();

  private UniqueNames() {}

  /** A topic name: {@code purpose} followed by a suffix unique to this call. */
  public static String topic(String purpose) {
    return unique(purpose);
  }

  /** A Kafka Streams {@code application.id}, which also prefixes its internal topics. */
  public static String applicationId(String purpose) {
    return unique(purpose);
  }

  /** A consumer {@code group.id}. */
  public static String groupId(String purpose) {
    return unique(purpose);
  }

  private static String unique(String purpose) {
    if (!purpose.matches("[a-zA-Z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          "'"
              + purpose
              + "' must be 1-200 of the characters Kafka allows in names: a-z A-Z 0-9 . _ -");
    }
    return purpose + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }
}
