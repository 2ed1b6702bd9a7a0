package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The jar's logback.xml writes plain lines by default and JSON lines when asked. */
class LogFormatTest {

  private static final Path CONFIG = Path.of("src", "main", "resources", "logback.xml");

  @Test
  void shouldWriteOneJsonObjectPerLineWhenPrecursorLogFormatIsJson() throws Exception {
    String logged = logWith("json");

    JsonNode line = new ObjectMapper().readTree(logged.lines().findFirst().orElseThrow());
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("loggerName").asText()).isEqualTo("io.precursor.test");
    assertThat(line.path("formattedMessage").asText())
        .isEqualTo("reading shard shardId-000000000001");
    assertThat(line.path("mdc").path("shardId").asText()).isEqualTo("shardId-000000000001");
  }

  @Test
  void shouldWritePlainLinesByDefault() throws Exception {
    String logged = logWith(null);

    assertThat(logged)
        .contains("INFO  [main] io.precursor.test - reading shard shardId-000000000001")
        .doesNotContain("{");
  }

  private static String logWith(String format) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (MDC.MDCCloseable shard = MDC.putCloseable("shardId", "shardId-000000000001")) {
      if (format != null) {
        context.putProperty("PRECURSOR_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(CONFIG.toFile());
      context.getLogger("io.precursor.test").info("reading shard {}", "shardId-000000000001");
    } finally {
      context.stop();
      System.setErr(original);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
