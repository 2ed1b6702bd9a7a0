package io.precursor.ingest.slowlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryFingerprintTest {

  /** Cases and expectations come from percona-toolkit's own tests; see the file's header. */
  static Stream<Arguments> ptTestSuiteCases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in =
            QueryFingerprintTest.class.getResourceAsStream("/slowlog/fingerprints.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      String line;
      String name = "";
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#")) {
          name = line.substring(1).trim();
          continue;
        }
        String[] columns = line.split("\t", -1);
        cases.add(Arguments.of(name, unescape(columns[0]), unescape(columns[1])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ptTestSuiteCases")
  void shouldFingerprintAsPtQueryDigestDoes(String ptTestName, String statement, String expected) {
    assertThat(QueryFingerprint.of(statement).text()).isEqualTo(expected);
  }

  @Test
  void shouldHashAsPtMakeChecksum() {
    // percona-toolkit t/lib/Transformers.t: make_checksum('hello world') eq '93CB22BB8F5ACDC3'
    assertThat(QueryFingerprint.hashOf("hello world")).isEqualTo(0x93CB22BB8F5ACDC3L);
  }

  @Test
  void shouldPrintTheHashAsPtQueryDigestQueryId() {
    QueryFingerprint fingerprint = new QueryFingerprint("hello world", 0x93CB22BB8F5ACDC3L);

    assertThat(fingerprint.queryId()).isEqualTo("0x93CB22BB8F5ACDC3");
  }

  @Test
  void shouldGiveTheSameHashToStatementsThatDifferOnlyInLiterals() {
    QueryFingerprint first = QueryFingerprint.of("SELECT * FROM orders WHERE id IN (1, 2, 3)");
    QueryFingerprint second = QueryFingerprint.of("select * from orders where id in (4,5)");

    assertThat(first).isEqualTo(second);
    assertThat(first.hash()).isEqualTo(QueryFingerprint.hashOf(first.text()));
  }

  @Test
  void shouldCollapseAValuesListOfTenThousandRowsWithoutInto() {
    StringBuilder statement = new StringBuilder("INSERT orders VALUES (1,'a')");
    for (int i = 0; i < 10_000; i++) {
      statement.append(",(").append(i).append(",'b')");
    }

    assertThat(QueryFingerprint.of(statement.toString()).text())
        .isEqualTo("insert orders values(?+)");
  }

  @Test
  void shouldCollapseAThousandUnionsWithoutFailing() {
    StringBuilder statement = new StringBuilder("select 1");
    for (int i = 0; i < 1_000; i++) {
      statement.append(" union select ").append(i);
    }

    assertThatCode(() -> QueryFingerprint.of(statement.toString())).doesNotThrowAnyException();
    assertThat(QueryFingerprint.of(statement.toString()).text())
        .isEqualTo("select ? /*repeat union*/");
  }

  @Test
  void shouldKeepAdministratorCommandsAsTheyAre() {
    assertThat(QueryFingerprint.of("administrator command: Quit").text())
        .isEqualTo("administrator command: Quit");
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\' || i + 1 == field.length()) {
        out.append(c);
        continue;
      }
      char next = field.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
