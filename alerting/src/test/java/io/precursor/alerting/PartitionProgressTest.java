package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  private final PartitionProgress progress = new PartitionProgress(new TopicPartition("t", 0));

  @Test
  void shouldHaveNothingToCommitBeforeTheFirstRecord() {
    assertThat(progress.committable()).isEqualTo(-1);
  }

  @Test
  void shouldCommitPastRecordsWithNothingToAudit() {
    progress.taken(4, 0);
    progress.taken(5, 0);

    assertThat(progress.committable()).isEqualTo(6);
  }

  @Test
  void shouldHoldTheCommitAtTheLowestRecordWithAnActionNotYetAudited() {
    // Given record 10 goes to two webhooks, 11 to one
    progress.taken(10, 2);
    progress.taken(11, 1);

    // When the faster webhook audits 11 and one of 10's two posts
    progress.settled(11);
    progress.settled(10);

    // Then 10 still waits for its other webhook
    assertThat(progress.committable()).isEqualTo(10);

    progress.settled(10);
    assertThat(progress.committable()).isEqualTo(12);
  }

  @Test
  void shouldRefuseToSettleAnActionItDoesNotKnow() {
    progress.taken(3, 1);
    progress.settled(3);

    assertThatThrownBy(() -> progress.settled(3)).isInstanceOf(IllegalStateException.class);
  }
}
