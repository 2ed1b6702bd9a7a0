package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FleetShareTest {

  private static final List<String> FLEET =
      IntStream.range(0, 4000).mapToObj(i -> "ads-prod-" + i).toList();

  @ParameterizedTest(name = "{0} replicas")
  @ValueSource(ints = {1, 2, 3, 5, 8})
  void shouldGiveEveryInstanceToExactlyOneReplica(int count) {
    for (String instance : FLEET) {
      long owners =
          IntStream.range(0, count).filter(i -> new FleetShare(i, count).owns(instance)).count();

      assertThat(owners).as(instance).isEqualTo(1);
    }
  }

  @Test
  void shouldSpreadTheFleetEvenlyOverTheReplicas() {
    int[] owned = new int[4];
    FLEET.forEach(instance -> owned[new FleetShare(0, 4).ownerOf(instance)]++);

    // 1000 each on average; a fair hash stays well within ±15%.
    assertThat(java.util.Arrays.stream(owned).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(850, 1150));
  }

  @Test
  void shouldMoveOnlyTheNewReplicasShareWhenOneIsAdded() {
    FleetShare four = new FleetShare(0, 4);
    FleetShare five = new FleetShare(0, 5);

    List<String> moved = FLEET.stream().filter(i -> four.ownerOf(i) != five.ownerOf(i)).toList();

    assertThat(moved).allSatisfy(i -> assertThat(five.ownerOf(i)).isEqualTo(4));
    assertThat(moved.size()).isBetween(FLEET.size() / 5 - 120, FLEET.size() / 5 + 120);
  }

  @Test
  void shouldGiveTheSameOwnersInEveryJvmAndRelease() {
    // Pinned: a changed hash would make replicas of two releases poll the same instances.
    assertThat(
            List.of("ads-prod-1", "ads-prod-2", "ads-prod", "billing-db-7").stream()
                .map(new FleetShare(0, 3)::ownerOf))
        .containsExactly(PINNED_OWNERS);
  }

  @Test
  void shouldRefuseAnIndexOutsideTheCount() {
    assertThatThrownBy(() -> new FleetShare(3, 3)).hasMessageContaining("0..2");
    assertThatThrownBy(() -> new FleetShare(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final Integer[] PINNED_OWNERS = {1, 0, 1, 1};
}
