package io.precursor.ingest.slowlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.StatementKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StatementAnatomyTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT * FROM t                                                   | SELECT
          select 1                                                          | SELECT
          (SELECT a FROM t1) UNION (SELECT a FROM t2)                       | SELECT
          /* app:checkout */ SELECT * FROM t                                | SELECT
          INSERT INTO t VALUES (1)                                          | INSERT
          INSERT t SELECT * FROM s                                          | INSERT
          REPLACE INTO t VALUES (1)                                         | REPLACE
          UPDATE t SET a = 1                                                | UPDATE
          DELETE FROM t WHERE a = 1                                         | DELETE
          WITH r AS (SELECT id FROM t) SELECT * FROM r                      | SELECT
          WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 9) SELECT n FROM r | SELECT
          WITH old AS (SELECT id FROM t WHERE d < '2020-01-01') DELETE FROM t WHERE id IN (SELECT id FROM old) | DELETE
          WITH x AS (SELECT 1) UPDATE t JOIN x SET t.a = 1                  | UPDATE
          TRUNCATE TABLE invoice_line                                       | DDL
          truncate invoice_line                                             | DDL
          ALTER TABLE t ADD COLUMN c INT                                    | DDL
          CREATE TABLE t (id INT)                                           | DDL
          DROP TABLE IF EXISTS t                                            | DDL
          RENAME TABLE a TO b                                               | DDL
          OPTIMIZE TABLE t                                                  | DDL
          LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t                       | INSERT
          SET NAMES utf8mb4                                                 | OTHER
          SHOW FULL PROCESSLIST                                             | OTHER
          CALL refresh_totals(1)                                            | OTHER
          COMMIT                                                            | OTHER
          administrator command: Quit                                       | ADMIN
          administrator command: Binlog Dump                                | ADMIN
          """)
  void shouldTellTheKindFromTheLeadingVerb(String statement, StatementKind kind) {
    assertThat(StatementAnatomy.of(statement).kind()).isEqualTo(kind);
  }

  @Test
  void shouldSkipLineCommentsBeforeTheVerb() {
    assertThat(StatementAnatomy.of("# hash comment\nUPDATE t SET a = 1").kind())
        .isEqualTo(StatementKind.UPDATE);
    assertThat(StatementAnatomy.of("-- nightly batch\nDELETE FROM t").kind())
        .isEqualTo(StatementKind.DELETE);
  }

  @Test
  void shouldCallAnEmptyStatementOther() {
    assertThat(StatementAnatomy.of(""))
        .isEqualTo(new StatementAnatomy(StatementKind.OTHER, List.of(), 0));
  }

  static Stream<Arguments> tableCases() {
    return Stream.of(
        Arguments.of("SELECT * FROM orders", List.of("orders")),
        Arguments.of("SELECT * FROM `Orders` o WHERE o.id = 1", List.of("orders")),
        Arguments.of(
            "SELECT * FROM shop.orders AS o, `shop`.`customers` c",
            List.of("shop.orders", "shop.customers")),
        Arguments.of(
            "SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.a_id INNER JOIN c USING (id), d",
            List.of("a", "b", "c", "d")),
        Arguments.of("SELECT c FROM (tbl1 JOIN tbl2 ON (id)) WHERE x = y", List.of("tbl1", "tbl2")),
        Arguments.of(
            "SELECT c FROM (SELECT * FROM a) AS b WHERE EXISTS (SELECT * FROM c WHERE id IS NULL)",
            List.of("a", "c")),
        Arguments.of("SELECT EXTRACT(YEAR FROM created) FROM orders", List.of("orders")),
        Arguments.of("SELECT TRIM(LEADING 'x' FROM name) FROM t", List.of("t")),
        Arguments.of("SELECT c FROM t WHERE col = 'delete from x'", List.of("t")),
        Arguments.of(
            "SELECT STRAIGHT_JOIN a FROM t1 STRAIGHT_JOIN t2 ON t1.id = t2.id",
            List.of("t1", "t2")),
        Arguments.of("SELECT * FROM t FORCE INDEX (idx_a, idx_b) WHERE a IN (1, 2)", List.of("t")),
        Arguments.of("SELECT 1 FROM DUAL", List.of()),
        Arguments.of("SELECT a INTO @x FROM t", List.of("t")),
        Arguments.of("SELECT a FROM t1 UNION ALL SELECT a FROM t2", List.of("t1", "t2")),
        Arguments.of("INSERT INTO invoice_line (a, b) VALUES (1, 2)", List.of("invoice_line")),
        Arguments.of(
            "INSERT IGNORE INTO t(a) SELECT a FROM s JOIN u ON s.id = u.id",
            List.of("t", "s", "u")),
        Arguments.of("insert ignore_bar (id) values (4029731)", List.of("ignore_bar")),
        Arguments.of(
            "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)", List.of("t")),
        Arguments.of("REPLACE LOW_PRIORITY INTO db1.tbl2 (c) VALUES (1)", List.of("db1.tbl2")),
        Arguments.of(
            "UPDATE LOW_PRIORITY t SET a = 1 WHERE b IN (SELECT b FROM s)", List.of("t", "s")),
        Arguments.of("UPDATE t1 AS a JOIN t2 b ON a.id = b.id SET a.x = b.x", List.of("t1", "t2")),
        Arguments.of("UPDATE t1, t2 SET t1.a = t2.a WHERE t1.id = t2.id", List.of("t1", "t2")),
        Arguments.of("DELETE FROM invoice_line WHERE period = '2026-10'", List.of("invoice_line")),
        Arguments.of(
            "DELETE foo.bar b FROM foo.bar b LEFT JOIN baz.bat c ON a = b WHERE nine > eight",
            List.of("foo.bar", "baz.bat")),
        Arguments.of(
            "DELETE FROM t1, t2 USING t1 INNER JOIN t2 INNER JOIN t3", List.of("t1", "t2", "t3")),
        Arguments.of("TRUNCATE TABLE billing.invoice_line", List.of("billing.invoice_line")),
        Arguments.of("TRUNCATE invoice_line", List.of("invoice_line")),
        Arguments.of("ALTER TABLE t ADD COLUMN c INT, ADD INDEX i (c)", List.of("t")),
        Arguments.of("CREATE TABLE IF NOT EXISTS t (id INT, INDEX (id))", List.of("t")),
        Arguments.of("CREATE TABLE t2 AS SELECT * FROM t1", List.of("t2", "t1")),
        Arguments.of("DROP TABLE IF EXISTS a, b", List.of("a", "b")),
        Arguments.of("RENAME TABLE a TO a_old, a_new TO a", List.of("a", "a_old", "a_new")),
        Arguments.of("CREATE INDEX idx ON t (c)", List.of("t")),
        Arguments.of("LOAD DATA INFILE 'x.csv' INTO TABLE `staging`", List.of("staging")),
        Arguments.of(
            "WITH recent AS (SELECT customer_id FROM orders) SELECT COUNT(*) FROM recent JOIN customers",
            List.of("orders", "customers")),
        Arguments.of("SHOW TABLES FROM shop", List.of()),
        Arguments.of("administrator command: Quit", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableCases")
  void shouldFindTheTablesAStatementTouches(String statement, List<String> tables) {
    assertThat(StatementAnatomy.of(statement).tables()).isEqualTo(tables);
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT * FROM t WHERE id IN (1, 2, 3)                               | 3
          SELECT * FROM t WHERE id NOT IN (7)                                 | 1
          SELECT * FROM t WHERE name IN ('a,b', 'c', "d, e")                  | 3
          SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4))                    | 2
          SELECT * FROM t WHERE a IN (CONCAT('x', 'y'), 'z')                  | 2
          SELECT * FROM t WHERE a IN (1, 2) OR b IN (1, 2, 3, 4, 5)           | 5
          SELECT * FROM t WHERE a IN (SELECT a FROM s)                        | 0
          SELECT * FROM t WHERE a IN ()                                       | 0
          SELECT * FROM t WHERE a = 1                                         | 0
          SELECT * FROM t WHERE MATCH (a) AGAINST ('x' IN BOOLEAN MODE)       | 0
          SELECT * FROM t WHERE a IN (1, /* 2, */ 3)                          | 2
          """)
  void shouldCountTheValuesOfTheLargestInList(String statement, int values) {
    assertThat(StatementAnatomy.of(statement).largestInList()).isEqualTo(values);
  }

  @Test
  void shouldCountAnInListAboveTheIndexDiveLimit() {
    StringBuilder list = new StringBuilder("1");
    for (int i = 2; i <= 250; i++) {
      list.append(", ").append(i);
    }

    StatementAnatomy anatomy =
        StatementAnatomy.of("SELECT * FROM example WHERE col_0 IN (" + list + ")");

    assertThat(anatomy.largestInList()).isEqualTo(250);
    assertThat(anatomy.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(anatomy.tables()).containsExactly("example");
  }
}
