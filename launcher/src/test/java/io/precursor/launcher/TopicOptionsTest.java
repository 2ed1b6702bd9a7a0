package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicOptionsTest {

  @Test
  void shouldCreateTopicsUnlessToldNotTo() {
    StreamsCommand byDefault = new StreamsCommand();
    new CommandLine(byDefault).parseArgs();
    StreamsCommand told = new StreamsCommand();
    new CommandLine(told).parseArgs("--no-create-topics");

    assertThat(byDefault.topicOptions.skipTopicCreation).isFalse();
    assertThat(told.topicOptions.skipTopicCreation).isTrue();
  }
}
