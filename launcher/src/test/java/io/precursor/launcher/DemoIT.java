package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's run command, in-process: the seed-000 incident end to end on a real broker. */
class DemoIT {

  @Test
  void shouldWarnOfTheSeed000FailoverAheadOfTimeAndPostItToSlack() {
    CommandRun run = CommandRun.of("demo");
    String out = run.output();

    assertThat(run.exitCode()).isZero();
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
