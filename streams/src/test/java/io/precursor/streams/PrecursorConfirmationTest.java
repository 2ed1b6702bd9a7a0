package io.precursor.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Confirmation;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.streams.incident.ClusterSignal;
import io.precursor.streams.incident.ClusterSignal.FailoverEvent;
import io.precursor.streams.incident.ClusterSignal.PrecursorDetail;
import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import io.precursor.streams.incident.ConfirmationBook;
import io.precursor.streams.incident.PrecursorConfirmation;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confirmation step on its own, fed in the orders two repartition topics can deliver. */
class PrecursorConfirmationTest {

  private static final long HORIZON = Duration.ofMinutes(60).toMillis();
  private static final long GRACE = Duration.ofMinutes(5).toMillis();
  private static final long T0 = Instant.parse("2026-11-17T09:00:00Z").toEpochMilli();

  private final MockProcessorContext<String, FailoverPrecursor> context =
      new MockProcessorContext<>();
  private final PrecursorConfirmation confirmation = new PrecursorConfirmation(HORIZON, GRACE);

  @BeforeEach
  void start() {
    KeyValueStore<String, ConfirmationBook> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PrecursorConfirmation.STORE),
                Serdes.String(),
                InternalSerde.json(ConfirmationBook.class))
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    confirmation.init(context);
  }

  @Test
  void shouldAnnounceAPrecursorThatArrivesAlreadyPastItsHorizonAtOnce() {
    // given stream time already two hours on (an unrelated failover came first)
    signal(failover("ads-prod", T0 + Duration.ofHours(2).toMillis()));

    // when a precursor detected at T0 arrives only now, and no record follows it
    signal(precursor("ads-prod", "p-1", T0));

    // then it is announced UNCONFIRMED without waiting for a later record
    assertThat(context.forwarded())
        .extracting(f -> f.record().value())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getId()).isEqualTo("p-1");
              assertThat(p.getConfirmation()).isEqualTo(Confirmation.UNCONFIRMED);
            });
    // and only once: the punctuator finds nothing left
    context
        .scheduledPunctuators()
        .get(0)
        .getPunctuator()
        .punctuate(T0 + Duration.ofHours(3).toMillis());
    assertThat(context.forwarded()).hasSize(1);
  }

  @Test
  void shouldWaitForTheHorizonOfAPrecursorThatIsNotYetDue() {
    signal(precursor("ads-prod", "p-2", T0));
    signal(failover("other", T0 + HORIZON));

    // within horizon and grace nothing is announced
    assertThat(context.forwarded()).isEmpty();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(T0 + HORIZON + GRACE);
    assertThat(context.forwarded())
        .extracting(f -> f.record().value().getId())
        .containsExactly("p-2");
  }

  private long streamTime = Long.MIN_VALUE;

  /** As a task does: stream time is the largest timestamp seen, including this record's. */
  private void signal(Record<String, ClusterSignal> record) {
    streamTime = Math.max(streamTime, record.timestamp());
    context.setCurrentStreamTimeMs(streamTime);
    confirmation.process(record);
  }

  private static Record<String, ClusterSignal> precursor(String cluster, String id, long at) {
    return new Record<>(
        cluster,
        new ClusterSignal(
            new PrecursorRef(id, "BULK_DML_MEMORY_PRESSURE", "WARNING", cluster + "-1", at),
            null,
            new PrecursorDetail(cluster, at - 600_000, at, "summary", "hint")),
        at);
  }

  private static Record<String, ClusterSignal> failover(String cluster, long at) {
    return new Record<>(
        cluster,
        new ClusterSignal(
            null, new FailoverEvent("FAILOVER_STARTED", at, "failover", cluster, cluster + "-1")),
        at);
  }
}
