package io.precursor.ingest.digest;

import static io.precursor.ingest.logs.Fixtures.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEventsExportTest {

  @Test
  void shouldReadEveryEventWithItsStreamTimestampAndMessage() throws IOException {
    List<ExportedLogEvent> events = read(bytes("digest/cloudwatch-export.json"));

    assertThat(events)
        .extracting(ExportedLogEvent::logStream)
        .containsExactly("ads-prod-1", "ads-prod-1", "ads-prod-2", "ads-prod-2");
    assertThat(events.get(0).event().id())
        .isEqualTo("38312738219137412383991232140928132189219378213490000000");
    assertThat(events.get(0).event().timestamp()).isEqualTo(1794906723200L);
    assertThat(events.get(0).event().message())
        .startsWith("# Time: 2026-11-17T09:12:03.123456Z\n")
        .endsWith("SELECT * FROM orders WHERE id = 7;");
  }

  @Test
  void shouldReadAnExportWhoseEventsComeAfterOtherFields() throws IOException {
    String export =
        "{\"searchedLogStreams\":[{\"logStreamName\":\"a\"}],\"nextToken\":\"x\",\"events\":["
            + "{\"eventId\":\"1\",\"message\":\"m\",\"timestamp\":5,\"extra\":{\"k\":[1]}}]}";

    List<ExportedLogEvent> events = read(export.getBytes(UTF_8));

    assertThat(events).hasSize(1);
    assertThat(events.get(0).logStream()).isEmpty();
    assertThat(events.get(0).event().message()).isEqualTo("m");
  }

  @Test
  void shouldRefuseJsonThatIsNotAnExport() {
    assertThatThrownBy(() -> read("[1, 2]".getBytes(UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an 'aws logs filter-log-events' export");
    assertThatThrownBy(() -> read("{\"Records\": []}".getBytes(UTF_8)))
        .hasMessageContaining("no \"events\" array");
    assertThatThrownBy(() -> read("{\"events\": [{\"eventId\": \"1\"}]}".getBytes(UTF_8)))
        .hasMessageContaining("lacks its message or timestamp");
  }

  @Test
  void shouldHandOverTheEventsBeforeBrokenJson() {
    String broken = "{\"events\":[{\"message\":\"a\",\"timestamp\":1},{\"message\":";
    List<ExportedLogEvent> events = new ArrayList<>();

    assertThatThrownBy(
            () ->
                LogEventsExport.read(new ByteArrayInputStream(broken.getBytes(UTF_8)), events::add))
        .isInstanceOf(IOException.class);
    assertThat(events).hasSize(1);
  }

  private static List<ExportedLogEvent> read(byte[] json) throws IOException {
    List<ExportedLogEvent> events = new ArrayList<>();
    LogEventsExport.read(new ByteArrayInputStream(json), events::add);
    return events;
  }
}
