package io.precursor.ingest.slowlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans of {@link QueryFingerprint} give exactly what pt's regexes give ({@link
 * PerlRuleFingerprint}), on statements built to hit the edges of every rule.
 */
class QueryFingerprintScanTest {

  /** Pieces that start, end or confuse the rules: quotes, escapes, comments, words, numbers. */
  private static final String[] PIECES = {
    "'",
    "\"",
    "\\",
    "\\'",
    "\\\"",
    "''",
    "/*",
    "*/",
    "/*!",
    "/**/",
    "--",
    "#",
    "-",
    "+",
    ".",
    "\n",
    "\r",
    "\t",
    "\f",
    "\u000b",
    " ",
    "  ",
    "?",
    "x",
    "b",
    "e",
    "f",
    "0",
    "1",
    "9",
    "0x1f",
    "1.5e-3",
    "true",
    "TRUE",
    "false",
    "False",
    "null",
    "NULL",
    "in",
    "IN",
    "values",
    "value",
    "(",
    ")",
    ",",
    "(1, 2)",
    "select",
    "SELECT",
    "union",
    "union all",
    "limit",
    "limit ?",
    "offset",
    "order by",
    "ORDER BY",
    "asc",
    "ASC",
    "use",
    "USE ",
    "call",
    "CALL ",
    "insert",
    "INSERT INTO t VALUES",
    "REPLACE IGNORE INTO t VALUES(",
    "INSERT IGNORE INTO",
    " IGNORE",
    "),(",
    ") , (",
    "replace",
    "into",
    "_",
    "a1",
    "t_2",
    "é",
    "日",
    "\u00a0",
    ";",
    "administrator command: ",
    "/*a.b:1/2*/",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM `"
  };

  @Test
  void shouldMatchPtRegexesOnHundredThousandGeneratedStatements() {
    SplittableRandom random = new SplittableRandom(4);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String statement = generated(random);
      String expected = PerlRuleFingerprint.fingerprint(statement);
      String actual = QueryFingerprint.fingerprint(statement);
      if (!expected.equals(actual) && differences.size() < 10) {
        differences.add(statement + " => " + expected + " but scans gave " + actual);
      }
    }

    assertThat(differences).isEmpty();
  }

  @Test
  void shouldMatchPtRegexesOnTheCorpusWithPiecesInserted() throws IOException {
    SplittableRandom random = new SplittableRandom(17);
    List<String> differences = new ArrayList<>();
    for (PtFingerprintParityTest.Case c : PtFingerprintParityTest.readCorpus().cases()) {
      String statement = c.statement();
      // The regexes are slow on the few statements of 10,000+ characters; fewer tries there.
      int tries = statement.length() > 10_000 ? 2 : 10;
      for (int i = 0; i < tries; i++) {
        int at = statement.isEmpty() ? 0 : random.nextInt(statement.length());
        String mutated =
            statement.substring(0, at)
                + PIECES[random.nextInt(PIECES.length)]
                + statement.substring(at);
        String expected = PerlRuleFingerprint.fingerprint(mutated);
        String actual = QueryFingerprint.fingerprint(mutated);
        if (!expected.equals(actual) && differences.size() < 10) {
          differences.add(
              c.id() + ": " + mutated + " => " + expected + " but scans gave " + actual);
        }
      }
    }

    assertThat(differences).isEmpty();
  }

  @Test
  void shouldCutAMultiRowInsertAfterItsFirstRowInOnePass() {
    // Thousands of VALUES lists and no second row: the regex tried every pair of them.
    String pathological = "INSERT INTO t " + "VALUES (1) ".repeat(16_000);
    String twoRows = "insert ignore into t (a) values (1, ')'), (2, 3)";

    assertThat(QueryFingerprint.firstRowEnd(pathological)).isEqualTo(-1);
    assertThat(twoRows.substring(0, QueryFingerprint.firstRowEnd(twoRows)))
        .isEqualTo("insert ignore into t (a) values (1, ')')");
    String manyListsThenARow = "INSERT INTO t " + "VALUES (1) ".repeat(300) + ", (2)";
    assertThat(QueryFingerprint.fingerprint(manyListsThenARow))
        .isEqualTo(PerlRuleFingerprint.fingerprint(manyListsThenARow));
  }

  private static String generated(SplittableRandom random) {
    StringBuilder statement = new StringBuilder();
    int pieces = random.nextInt(16);
    for (int i = 0; i < pieces; i++) {
      statement.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return statement.toString();
  }
}
