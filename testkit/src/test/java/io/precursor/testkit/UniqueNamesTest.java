package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

  @Test
  void shouldKeepThePurposeAsPrefixAndNeverRepeatAName() {
    Set<String> names = new HashSet<>();
    IntStream.range(0, 1000).forEach(i -> names.add(UniqueNames.topic("slow-log.events")));

    assertThat(names)
        .hasSize(1000)
        .allMatch(name -> name.matches("slow-log\\.events-[0-9a-f]{6}-\\d+"));
  }

  @Test
  void shouldRejectAPurposeWithCharactersKafkaForbids() {
    assertThatThrownBy(() -> UniqueNames.applicationId("precursor streams"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'precursor streams' must be");
  }
}
