package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!channel> the batch is back",
        "<!here>",
        "<!everyone>",
        "ping <@U123> now",
        "see <#C0123|ops>",
        "<!subteam^S1234> wake up",
        "<http://evil.example|click here>",
        "<mailto:a@b.c|mail>"
      })
  void shouldLeaveNoMentionOrLinkSyntaxInEscapedText(String raw) {
    String escaped = SlackText.escape(raw);

    assertThat(escaped).doesNotContain("<").doesNotContain(">");
    assertThat(escaped).contains("&lt;").contains("&gt;");
  }

  @Test
  void shouldEscapeAmpersandFirstSoEntitiesAreNotEscapedTwiceByAccident() {
    assertThat(SlackText.escape("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
  }

  @Test
  void shouldShowAnEntityInTheInputLiterallyByEscapingItsAmpersand() {
    // Text that already says "&amp;" or "&lt;" must be shown as written, not rendered as & or <.
    assertThat(SlackText.escape("&amp; &lt;!channel&gt;"))
        .isEqualTo("&amp;amp; &amp;lt;!channel&amp;gt;");
  }

  @Test
  void shouldEscapeOnlyTheThreeControlCharacters() {
    assertThat(SlackText.escape("*bold* _it_ ~s~ \"q\" 'a' é 🚨"))
        .isEqualTo("*bold* _it_ ~s~ \"q\" 'a' é 🚨");
    assertThat(SlackText.escape(null)).isEmpty();
  }

  @Test
  void shouldKeepSingleLineTextOnOneLine() {
    assertThat(SlackText.escapeLine("ads-prod-1\n*Instance*\r\n\t<!here>"))
        .isEqualTo("ads-prod-1 *Instance* &lt;!here&gt;");
  }

  @Test
  void shouldNeutraliseBackticksInCodeSpansSoSqlCannotCloseThem() {
    String code = SlackText.code("select * from `ads_daily` where x = '<!channel>'");

    assertThat(code).startsWith("`").endsWith("`");
    assertThat(code.substring(1, code.length() - 1)).doesNotContain("`");
    assertThat(code).contains("ˋads_dailyˋ").contains("&lt;!channel&gt;");
  }

  @Test
  void shouldGiveNoCodeSpanForEmptyText() {
    assertThat(SlackText.code(null)).isEmpty();
    assertThat(SlackText.code(" \n ")).isEmpty();
  }

  @Test
  void shouldKeepCodeBlockFencesClosedWhenSqlHoldsTripleBackticks() {
    String block = SlackText.codeBlock("select 1 ``` <!here> ```", 3000);

    assertThat(block).startsWith("```\n").endsWith("\n```");
    String inner = block.substring(4, block.length() - 4);
    assertThat(inner).doesNotContain("`").contains("&lt;!here&gt;");
  }

  @Test
  void shouldCutACodeBlockInsideItsFencesWithinTheLimit() {
    String block = SlackText.codeBlock("x".repeat(5000), 3000);

    assertThat(block).hasSize(3000).startsWith("```\n").endsWith(SlackText.ELLIPSIS + "\n```");
  }

  @Test
  void shouldLeaveTextAtTheLimitUntouched() {
    String exact = "a".repeat(3000);

    assertThat(SlackText.truncate(exact, 3000)).isSameAs(exact);
  }

  @Test
  void shouldCutTextOneOverTheLimitWithAnEllipsis() {
    String cut = SlackText.truncate("a".repeat(3001), 3000);

    assertThat(cut).hasSize(3000).endsWith(SlackText.ELLIPSIS);
    assertThat(cut.substring(0, 2999)).isEqualTo("a".repeat(2999));
  }

  @Test
  void shouldNeverCutAnEntityInHalf() {
    // "&amp;" occupies positions 7..11; every cut that falls inside it must back up to its '&'.
    String escaped = SlackText.escape("abcdefg&hij");
    for (int max = 8; max <= 12; max++) {
      String cut = SlackText.truncate(escaped, max);

      assertThat(cut).hasSizeLessThanOrEqualTo(max).endsWith(SlackText.ELLIPSIS);
      String kept = cut.substring(0, cut.length() - 1);
      assertThat(kept).as("cut at %d", max).isIn("abcdefg", "abcdefg&amp;");
    }
    assertThat(SlackText.truncate(escaped, 13)).isEqualTo("abcdefg&amp;" + SlackText.ELLIPSIS);
  }

  @Test
  void shouldNeverCutLtOrGtEntitiesInHalf() {
    String escaped = SlackText.escape("ab<!here>");
    for (int max = 3; max <= escaped.length() - 1; max++) {
      String cut = SlackText.truncate(escaped, max);
      String kept = cut.substring(0, cut.length() - 1);

      // Whatever was kept ends in a whole entity or in plain text, never in "&l" or "&gt".
      int amp = kept.lastIndexOf('&');
      assertThat(amp == -1 || kept.indexOf(';', amp) > amp)
          .as("cut at %d keeps %s", max, kept)
          .isTrue();
    }
  }

  @Test
  void shouldNeverSplitASurrogatePair() {
    String cut = SlackText.truncate("ab🚨🚨", 4);

    assertThat(cut).isEqualTo("ab" + SlackText.ELLIPSIS);
  }

  @Test
  void shouldRefuseALimitWithNoRoomForTheEllipsis() {
    assertThatThrownBy(() -> SlackText.truncate("abc", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldJoinWholeLinesAndCountTheOnesLeftOut() {
    List<String> lines = List.of("`one` line", "`two` line", "`three` line");

    String joined = SlackText.lines("*T*", lines, 30);

    assertThat(joined).hasSizeLessThanOrEqualTo(30).startsWith("*T*\n`one` line");
    assertThat(joined).endsWith("and 2 more");
    assertThat(joined.chars().filter(c -> c == '`').count() % 2).isZero();
    assertThat(SlackText.lines("*T*", lines, 3000))
        .isEqualTo("*T*\n`one` line\n`two` line\n`three` line");
  }

  @Test
  void shouldCutPlainTextForHeaders() {
    assertThat(SlackText.truncatePlain("h".repeat(151), SlackText.HEADER_TEXT_MAX))
        .hasSize(150)
        .endsWith(SlackText.ELLIPSIS);
  }
}
