package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's run command, in-process: the seed-000 incident end to end on a real broker. */
class DemoIT {

  @Test
  void shouldWarnOfTheSeed000FailoverAheadOfTimeAndPostItToSlack() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = Precursor.commandLine().execute("demo");
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);

    assertThat(exit).isZero();
    assertThat(out)
        .contains("PRECURSOR  WARNING BULK_DML_MEMORY_PRESSURE on ads-prod-1")
        .contains("INCIDENT   ads-prod/failover/")
        .contains("SLACK      the message posted to the local Slack stand-in");
    Matcher lead =
        Pattern.compile("LEAD TIME  BULK_DML_MEMORY_PRESSURE warned (\\d+) min (\\d+) s before")
            .matcher(out);
    assertThat(lead.find()).as(out).isTrue();
    assertThat(Integer.parseInt(lead.group(1))).isGreaterThanOrEqualTo(5);
    assertThat(out).contains("| :bulb: *Hint:*").contains("delete from ad_logs");
  }
}
