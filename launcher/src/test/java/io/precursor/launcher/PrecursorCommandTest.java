package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class PrecursorCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo", "ingest", "streams", "alerting", "simulate"})
  void shouldExplainEachCommandWithHelp(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = Precursor.commandLine().setOut(new PrintWriter(out));

    int exit = cli.execute(command, "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: precursor " + command).contains("--help");
  }

  @Test
  void shouldListTheStagesInTheTopLevelHelp() {
    StringWriter out = new StringWriter();

    int exit = Precursor.commandLine().setOut(new PrintWriter(out)).execute("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("demo", "ingest", "streams", "alerting", "simulate");
  }

  @Test
  void shouldRefuseAnUnknownCommandWithUsageError() {
    StringWriter err = new StringWriter();

    int exit = Precursor.commandLine().setErr(new PrintWriter(err)).execute("failover-now");

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("Unmatched argument");
  }
}
