#!/usr/bin/env python3
"""Builds the pt-fingerprint parity corpus and records what the real pt-fingerprint says.

Usage (from the repository root, with Debian's percona-toolkit installed):

    python3 ingest/src/test/resources/slowlog/pt-fingerprint/regenerate.py

Writes corpus.tsv next to this script: a header naming the tool versions, then one case per line,
"id TAB statement TAB pt-fingerprint's output TAB pt-query-digest's fingerprint". The last column
comes from pt-query-digest's own copy of QueryRewriter, which in 3.2.1 differs from
pt-fingerprint's (it also replaces true and false). The corpus is deterministic (fixed
seeds), so running this again with the same pt version rewrites the same file.

A statement reaches pt-fingerprint unchanged either on standard input (pt splits records on
";\\n", removes lines starting with "#", leading whitespace, and skips records not starting with a
word character; its chomp then no longer removes a trailing newline) or, when one of those rules
would alter it, through --query. PtFingerprintParityTest
applies the same rule when it calls pt-fingerprint live. Statements sent with --query are kept
ASCII so that any JVM passes them as command-line arguments unchanged.
"""

import base64
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 6))
SEPARATOR = "precursor_corpus_separator"

cases = []  # (id, statement)


def add(group, *statements):
    for statement in statements:
        cases.append((f"{group}-{sum(1 for c in cases if c[0].startswith(group + '-')) + 1:03d}",
                      statement))


# --- Existing fixtures --------------------------------------------------------------------------

def unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c != "\\" or i + 1 == len(field):
            out.append(c)
            i += 1
            continue
        n = field[i + 1]
        i += 2
        out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
    return "".join(out)


def fixture_statements():
    tsv = os.path.join(ROOT, "ingest/src/test/resources/slowlog/fingerprints.tsv")
    for line in open(tsv, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            add("pt-test-suite", unescape(line.split("\t")[0]))
    # Statements of the slow log fixtures, as the parser hands them over (without the ";").
    logs = os.path.join(ROOT, "ingest/src/test/resources/slowlog")
    for name in sorted(os.listdir(logs)):
        if not name.endswith(".log"):
            continue
        statement = []
        for line in open(os.path.join(logs, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("#") or re.match(r"(use \S+|SET timestamp=\d+);$", line):
                statement = []
                continue
            if re.match(r"(/rdsdbbin|Tcp port|Time\s+Id)", line):
                continue
            statement.append(line)
            if line.endswith(";"):
                add("slowlog-fixture", "\n".join(statement)[:-1])
                statement = []


# --- The seeds' statements ----------------------------------------------------------------------

SEEDS = [
    # 000: the monthly ad-log rebuild, before and after the fix
    "DELETE FROM ad_logs WHERE log_date BETWEEN '2025-10-01' AND '2025-10-31'",
    "DELETE FROM ad_logs WHERE log_date >= '2025-10-01' AND log_date < '2025-11-01' LIMIT 10000",
    "INSERT INTO ad_logs (ad_id, click_count, impression_count, log_date) VALUES ('ad-0001', 12, 3400, '2025-10-01')",
    "INSERT INTO ad_logs (ad_id, click_count, impression_count, log_date) VALUES ('ad-0001', 12, 3400, '2025-10-01'), ('ad-0002', 0, 17, '2025-10-01'), ('ad-0003', 5, 981, '2025-10-01')",
    "TRUNCATE TABLE ad_logs",
    "ALTER TABLE ad_logs TRUNCATE PARTITION p202510",
    "CREATE TABLE ad_logs (\n  id BIGINT AUTO_INCREMENT PRIMARY KEY,\n  ad_id VARCHAR(32) NOT NULL,\n  click_count INT NOT NULL,\n  impression_count INT NOT NULL,\n  log_date DATE NOT NULL\n)\nENGINE=InnoDB\nPARTITION BY RANGE (TO_DAYS(log_date)) (\n  PARTITION p202509 VALUES LESS THAN (TO_DAYS('2025-10-01')),\n  PARTITION p202510 VALUES LESS THAN (TO_DAYS('2025-11-01')),\n  PARTITION pmax VALUES LESS THAN MAXVALUE\n)",
    "ALTER TABLE ad_logs REORGANIZE PARTITION pmax INTO (PARTITION p202511 VALUES LESS THAN (TO_DAYS('2025-12-01')), PARTITION pmax VALUES LESS THAN MAXVALUE)",
    "SELECT ad_id, SUM(click_count) AS clicks FROM ad_logs WHERE log_date >= '2025-10-01' GROUP BY ad_id ORDER BY clicks DESC LIMIT 100",
    # 001: failover diagnostics
    "SHOW GLOBAL VARIABLES LIKE 'innodb_read_only'",
    "SHOW ENGINE INNODB STATUS",
    "SELECT @@innodb_read_only",
    "SELECT * FROM information_schema.INNODB_TRX WHERE trx_rows_modified > 1000000",
    "SELECT server_id, session_id, replica_lag_in_milliseconds FROM information_schema.replica_host_status",
    "SELECT AURORA_VERSION()",
    "CALL mysql.rds_kill(12345)",
    "CALL mysql.rds_set_configuration('binlog retention hours', 24)",
    "UPDATE accounts SET balance = balance - 100 WHERE id = 42",
    "INSERT INTO audit_log (user_id, action, created_at) SELECT id, 'migrate', NOW() FROM users WHERE created_at < '2020-01-01'",
    # 002: commits stalling
    "FLUSH BINARY LOGS",
    "SHOW BINARY LOGS",
    "SET GLOBAL binlog_order_commits = OFF",
    "SET SESSION innodb_flush_log_at_trx_commit = 2",
    "COMMIT",
    "BEGIN",
    "START TRANSACTION",
    "ROLLBACK",
    "SELECT * FROM performance_schema.events_waits_summary_global_by_event_name WHERE event_name LIKE 'wait/synch/cond/sql/MYSQL_BIN_LOG::COND_%' ORDER BY sum_timer_wait DESC",
    # 003: crash recovery with a million tables
    "CREATE TABLE sbtest1000001 (id INT UNSIGNED NOT NULL AUTO_INCREMENT, k INT UNSIGNED NOT NULL DEFAULT '0', c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k))",
    "SELECT c FROM sbtest17 WHERE id=5003",
    "SELECT c FROM sbtest17 WHERE id BETWEEN 5003 AND 5102 ORDER BY c",
    "SELECT DISTINCT c FROM sbtest17 WHERE id BETWEEN 5003 AND 5102 ORDER BY c",
    "UPDATE sbtest17 SET k=k+1 WHERE id=5003",
    "DELETE FROM sbtest17 WHERE id=5003",
    "INSERT INTO sbtest17 (id, k, c, pad) VALUES (5003, 4992, '83868641912-28773972837-60736120486-75162659906-27563526494-20381887404-41576422241-93426793964-56405065102-33518432330', '67847967377-48000963322-62604785301-91415491898-96926520291')",
    # 004: the IN list that became a full scan, and its fix
    "SELECT * FROM example WHERE col_0 IN (?)",
    "SELECT * FROM example WHERE col_0 IN (1, 2, 3, 4)",
    "SELECT * FROM example WHERE col_0 IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)",
    "SELECT * FROM example FORCE INDEX (PRIMARY) WHERE col_0 IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)",
    "SELECT * FROM example USE INDEX (PRIMARY) WHERE col_0 IN (1,2,3)",
    "SELECT * FROM example IGNORE INDEX (idx_col_2) WHERE col_2 = 7",
    "CREATE TABLE example(\n\tcol_0 INT NOT NULL,\n\tcol_1 INT NOT NULL,\n\tcol_2 INT NOT NULL,\n\tPRIMARY KEY (col_0, col_1)\n)",
    "ANALYZE TABLE example",
    "SET SESSION eq_range_index_dive_limit = 200",
    "EXPLAIN SELECT * FROM example WHERE col_0 IN (1, 2, 3, 4, 5)",
]


# --- MySQL reference-manual style statements ----------------------------------------------------

DOCS = [
    "SELECT 1 + 1",
    "SELECT 1 + 1 FROM DUAL",
    "SELECT CONCAT(last_name,', ',first_name) AS full_name FROM mytable ORDER BY full_name",
    "SELECT t1.name, t2.salary FROM employee AS t1, info AS t2 WHERE t1.name = t2.name",
    "SELECT college, region, seed FROM tournament ORDER BY region, seed",
    "SELECT college, region AS r, seed AS s FROM tournament ORDER BY r, s",
    "SELECT college, region, seed FROM tournament ORDER BY 2, 3",
    "SELECT a, COUNT(b) FROM test_table GROUP BY a ORDER BY NULL",
    "SELECT a, b, COUNT(c) AS t FROM test_table GROUP BY a,b ORDER BY a,t DESC",
    "SELECT user, MAX(salary) FROM users GROUP BY user HAVING MAX(salary) > 10",
    "SELECT * FROM tbl LIMIT 5,10",
    "SELECT * FROM tbl LIMIT 95,18446744073709551615",
    "SELECT * FROM tbl LIMIT 5",
    "SELECT id, data INTO @x, @y FROM test.t1 LIMIT 1",
    "SELECT * FROM t1 WHERE id = 1 FOR UPDATE",
    "SELECT * FROM t1 WHERE id = 1 FOR SHARE SKIP LOCKED",
    "SELECT * FROM t1 WHERE id = 1 LOCK IN SHARE MODE",
    "SELECT * FROM t1 WHERE id = 1 FOR UPDATE NOWAIT",
    "SELECT a,b,a+b INTO OUTFILE '/tmp/result.txt' FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' FROM test_table",
    "SELECT SQL_CALC_FOUND_ROWS * FROM tbl_name WHERE id > 100 LIMIT 10",
    "SELECT FOUND_ROWS()",
    "SELECT HIGH_PRIORITY STRAIGHT_JOIN t1.a FROM t1, t2 WHERE t1.a = t2.a",
    "SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t1 INNER JOIN t2 WHERE t1.a = t2.b",
    "SELECT /*+ NO_RANGE_OPTIMIZATION(t3 PRIMARY, f2_idx) */ f1 FROM t3 WHERE f1 > 30 AND f1 < 33",
    "SELECT /*+ BKA(t1) NO_BKA(t2) */ * FROM t1 INNER JOIN t2 WHERE t1.a = t2.a",
    "SELECT /*! STRAIGHT_JOIN */ col1 FROM table1,table2 WHERE col1 = col2",
    "CREATE TABLE t1(a INT, KEY (a)) /*!50110 KEY_BLOCK_SIZE=1024 */",
    "SELECT * FROM t1 LEFT JOIN (t2, t3, t4) ON (t2.a = t1.a AND t3.b = t1.b AND t4.c = t1.c)",
    "SELECT * FROM t1 LEFT JOIN t2 USING (id) LEFT JOIN t3 USING (id)",
    "SELECT left_tbl.* FROM left_tbl LEFT JOIN right_tbl ON left_tbl.id = right_tbl.id WHERE right_tbl.id IS NULL",
    "SELECT * FROM t1 NATURAL LEFT JOIN t2",
    "SELECT * FROM t1 CROSS JOIN t2",
    "SELECT * FROM table1 USE INDEX (col1_index,col2_index) WHERE col1=1 AND col2=2 AND col3=3",
    "SELECT * FROM table1 IGNORE INDEX (col3_index) WHERE col1=1 AND col2=2 AND col3=3",
    "SELECT * FROM t1 USE INDEX (i1) IGNORE INDEX FOR ORDER BY (i2) ORDER BY a",
    "SELECT * FROM t1 WHERE column1 = (SELECT column1 FROM t2)",
    "SELECT s1 FROM t1 WHERE s1 > ANY (SELECT s1 FROM t2)",
    "SELECT s1 FROM t1 WHERE s1 IN (SELECT s1 FROM t2)",
    "SELECT s1 FROM t1 WHERE s1 <> ALL (SELECT s1 FROM t2)",
    "SELECT column1 FROM t1 WHERE EXISTS (SELECT * FROM t2)",
    "SELECT DISTINCT store_type FROM stores WHERE NOT EXISTS (SELECT * FROM cities_stores WHERE cities_stores.store_type = stores.store_type)",
    "SELECT * FROM t1 WHERE (col1,col2) = (SELECT col3, col4 FROM t2 WHERE id = 10)",
    "SELECT * FROM t1 WHERE ROW(col1,col2) = (SELECT col3, col4 FROM t2 WHERE id = 10)",
    "SELECT sb1,sb2,sb3 FROM (SELECT s1 AS sb1, s2 AS sb2, s3*2 AS sb3 FROM t1) AS sb WHERE sb1 > 1",
    "SELECT AVG(sum_column1) FROM (SELECT SUM(column1) AS sum_column1 FROM t1 GROUP BY column1) AS t1",
    "SELECT * FROM t1 WHERE (a, b) IN ((1, 2), (3, 4))",
    "SELECT * FROM t1 WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y')",
    "WITH cte1 AS (SELECT a, b FROM table1), cte2 AS (SELECT c, d FROM table2) SELECT b, d FROM cte1 JOIN cte2 WHERE cte1.a = cte2.c",
    "WITH RECURSIVE cte (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM cte WHERE n < 5) SELECT * FROM cte",
    "WITH RECURSIVE fibonacci (n, fib_n, next_fib_n) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, next_fib_n, fib_n + next_fib_n FROM fibonacci WHERE n < 10) SELECT * FROM fibonacci",
    "SELECT year, country, product, profit, SUM(profit) OVER() AS total_profit, SUM(profit) OVER(PARTITION BY country) AS country_profit FROM sales ORDER BY country, year, product, profit",
    "SELECT val, ROW_NUMBER() OVER w AS 'row_number', RANK() OVER w AS 'rank' FROM numbers WINDOW w AS (ORDER BY val)",
    "SELECT time, subject, val, SUM(val) OVER (PARTITION BY subject ORDER BY time ROWS UNBOUNDED PRECEDING) AS running_total FROM observations",
    "SELECT c, c->\"$.id\", g FROM jemp WHERE JSON_EXTRACT(c, \"$.id\") > 1 ORDER BY c->\"$.name\"",
    "SELECT c, c->>'$.name' AS name FROM jemp WHERE g > 2",
    "SELECT JSON_OBJECT('id', 87, 'name', 'carrot')",
    "SELECT JSON_ARRAY(1, \"abc\", NULL, TRUE, CURTIME())",
    "SELECT * FROM JSON_TABLE('[{\"a\":\"3\"},{\"a\":2},{\"b\":1},{\"a\":0},{\"a\":[1,2]}]', \"$[*]\" COLUMNS(rowid FOR ORDINALITY, ac VARCHAR(100) PATH \"$.a\" DEFAULT '111' ON EMPTY DEFAULT '999' ON ERROR)) AS tt",
    "SELECT CAST('2026-11-17' AS DATE), CONVERT('abc' USING utf8mb4), DATE_ADD('2018-05-01', INTERVAL 1 DAY)",
    "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM orders WHERE created_at > NOW() - INTERVAL 7 DAY",
    "SELECT IF(1>2,2,3), IFNULL(NULL,10), NULLIF(1,1), COALESCE(NULL,1), CASE WHEN a=1 THEN 'one' ELSE 'other' END FROM t",
    "SELECT * FROM t WHERE name LIKE 'abc%' ESCAPE '|'",
    "SELECT * FROM t WHERE name REGEXP '^[a-d]'",
    "SELECT * FROM t WHERE created BETWEEN '2026-01-01 00:00:00' AND '2026-01-31 23:59:59'",
    "SELECT * FROM t WHERE a IS NOT NULL AND b IS NULL AND c <=> NULL",
    "SELECT 'hello' 'world', _utf8mb4'abc' COLLATE utf8mb4_bin, N'national', X'4D7953514C', B'0101'",
    "SELECT -1, +1, - 1, 1-1, 1 - -1, 3e-5, -3.0E+5, .25, 25., 0.0001",
    "SELECT 9223372036854775807, -9223372036854775808, 18446744073709551615",
    "SELECT 0xDEADBEEF, 0Xdead, 0b0101, 0B11",
    "TABLE t ORDER BY b LIMIT 3",
    "VALUES ROW(1,-2,3), ROW(5,7,9), ROW(4,6,8)",
    "INSERT INTO tbl_name (a,b,c) VALUES(1,2,3),(4,5,6),(7,8,9)",
    "INSERT INTO tbl_name (a,b,c) VALUES(1,2,3,4,5,6,7,8,9)",
    "INSERT INTO tbl_name (col1,col2) VALUES(15,col1*2)",
    "INSERT INTO tbl_name () VALUES()",
    "INSERT INTO tbl_name VALUES ROW(1,2,3), ROW(4,5,6)",
    "INSERT INTO t1 (a,b,c) VALUES (1,2,3) ON DUPLICATE KEY UPDATE c=c+1",
    "INSERT INTO t1 (a,b,c) VALUES (1,2,3),(4,5,6) AS new ON DUPLICATE KEY UPDATE c = new.a+new.b",
    "INSERT INTO t1 (a,b,c) VALUES (1,2,3),(4,5,6) ON DUPLICATE KEY UPDATE c=VALUES(a)+VALUES(b)",
    "INSERT INTO t1 SET a=1, b=2, c=3",
    "INSERT IGNORE INTO t1 (id, name) VALUES (1, 'a'), (2, 'b')",
    "INSERT LOW_PRIORITY INTO t1 VALUES (1)",
    "INSERT DELAYED INTO t1 VALUES (1)",
    "INSERT INTO tbl_temp2 (fld_id) SELECT tbl_temp1.fld_order_id FROM tbl_temp1 WHERE tbl_temp1.fld_order_id > 100",
    "INSERT INTO ta TABLE tb",
    "INSERT INTO t1 PARTITION (p0, p1) VALUES (1, 'a')",
    "REPLACE INTO test VALUES (1, 'Old', '2014-08-20 18:47:00')",
    "REPLACE INTO test (id, data) VALUES (1, 'New'), (2, 'Other')",
    "REPLACE test SET id = 1, data = 'x'",
    "UPDATE t1 SET col1 = col1 + 1",
    "UPDATE t1 SET col1 = col1 + 1, col2 = col1",
    "UPDATE t SET id = id + 1 ORDER BY id DESC",
    "UPDATE items,month SET items.price=month.price WHERE items.id=month.id",
    "UPDATE LOW_PRIORITY IGNORE t SET a = 'b' WHERE c = 'd' LIMIT 10",
    "UPDATE items SET retail = retail * 0.9 WHERE id IN (SELECT id FROM items WHERE retail / wholesale >= 1.3 AND quantity > 100)",
    "DELETE FROM somelog WHERE user = 'jcole' ORDER BY timestamp_column LIMIT 1",
    "DELETE t1, t2 FROM t1 INNER JOIN t2 INNER JOIN t3 WHERE t1.id=t2.id AND t2.id=t3.id",
    "DELETE FROM t1, t2 USING t1 INNER JOIN t2 INNER JOIN t3 WHERE t1.id=t2.id AND t2.id=t3.id",
    "DELETE LOW_PRIORITY QUICK IGNORE FROM t WHERE id < 1000",
    "DELETE FROM t1 PARTITION (p0) WHERE c < 5",
    "LOAD DATA INFILE 'data.txt' INTO TABLE db2.my_table",
    "LOAD DATA LOCAL INFILE '/tmp/x.csv' INTO TABLE t FIELDS TERMINATED BY ',' ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n' IGNORE 1 LINES (a, @b) SET b = NULLIF(@b, '')",
    "LOAD XML LOCAL INFILE 'person.xml' INTO TABLE person ROWS IDENTIFIED BY '<person>'",
    "CREATE TABLE t (c CHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)",
    "CREATE TABLE IF NOT EXISTS t2 LIKE t1",
    "CREATE TABLE new_tbl AS SELECT * FROM orig_tbl",
    "CREATE TEMPORARY TABLE tmp_orders SELECT * FROM orders WHERE created > '2026-01-01'",
    "CREATE INDEX part_of_name ON customer (name(10))",
    "CREATE UNIQUE INDEX idx_email ON users (email) USING BTREE",
    "CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4",
    "CREATE VIEW v AS SELECT qty, price, qty*price AS value FROM t",
    "CREATE DEFINER=`admin`@`%` PROCEDURE citycount (IN country CHAR(3), OUT cities INT) BEGIN SELECT COUNT(*) INTO cities FROM world.city WHERE CountryCode = country; END",
    "CREATE TRIGGER ins_sum BEFORE INSERT ON account FOR EACH ROW SET @sum = @sum + NEW.amount",
    "CREATE EVENT myevent ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO UPDATE myschema.mytable SET mycol = mycol + 1",
    "CREATE USER 'jeffrey'@'localhost' IDENTIFIED BY 'password'",
    "ALTER TABLE t1 ADD COLUMN c2 INT DEFAULT 0 AFTER c1, ALGORITHM=INSTANT",
    "ALTER TABLE t1 MODIFY COLUMN c2 BIGINT NOT NULL, ALGORITHM=INPLACE, LOCK=NONE",
    "ALTER TABLE t1 ADD INDEX idx_c2 (c2), DROP INDEX idx_old",
    "ALTER TABLE t1 ENGINE=InnoDB",
    "ALTER TABLE t1 PARTITION BY HASH(id) PARTITIONS 8",
    "ALTER TABLE t1 DROP PARTITION p0, p1",
    "ALTER TABLE t1 RENAME TO t2",
    "RENAME TABLE old_table TO new_table, t2 TO t3",
    "DROP TABLE IF EXISTS t1, t2",
    "DROP INDEX `PRIMARY` ON t",
    "DROP DATABASE shop",
    "TRUNCATE t1",
    "OPTIMIZE TABLE t1",
    "CHECK TABLE t1 QUICK",
    "REPAIR TABLE t1",
    "ANALYZE TABLE t1 UPDATE HISTOGRAM ON c1, c2 WITH 16 BUCKETS",
    "SHOW FULL PROCESSLIST",
    "SHOW PROCESSLIST",
    "SHOW CREATE TABLE t1",
    "SHOW TABLE STATUS FROM shop LIKE 'orders%'",
    "SHOW INDEX FROM t1 FROM shop",
    "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool%'",
    "SHOW VARIABLES WHERE Variable_name = 'max_connections'",
    "SHOW SLAVE STATUS",
    "SHOW REPLICA STATUS",
    "SHOW MASTER STATUS",
    "SHOW WARNINGS LIMIT 10",
    "SHOW GRANTS FOR 'jeffrey'@'localhost'",
    "SHOW /*!50002 GLOBAL */ STATUS",
    "SHOW DATABASES",
    "SHOW TABLES FROM shop",
    "SHOW COLUMNS FROM t1",
    "SHOW OPEN TABLES WHERE In_use > 0",
    "SHOW ENGINE INNODB MUTEX",
    "EXPLAIN FORMAT=JSON SELECT * FROM t1 WHERE a = 1",
    "EXPLAIN ANALYZE SELECT * FROM t1 JOIN t2 ON t1.a = t2.a WHERE t1.b > 100",
    "DESCRIBE t1",
    "DESC t1 c1",
    "SET NAMES utf8mb4",
    "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_unicode_ci'",
    "SET autocommit=0",
    "SET autocommit = 1",
    "SET @x = 1, @y = 'two'",
    "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
    "SET sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE'",
    "SET @@SESSION.max_execution_time = 5000",
    "SET PERSIST max_connections = 1000",
    "SET FOREIGN_KEY_CHECKS=0",
    "SET character_set_client = utf8mb4",
    "SET timestamp=1794906710",
    "GRANT SELECT, INSERT ON shop.* TO 'app'@'10.0.%'",
    "REVOKE INSERT ON *.* FROM 'jeffrey'@'localhost'",
    "FLUSH TABLES WITH READ LOCK",
    "FLUSH PRIVILEGES",
    "FLUSH LOGS",
    "UNLOCK TABLES",
    "LOCK TABLES t1 READ, t2 WRITE",
    "KILL QUERY 12345",
    "KILL 12345",
    "PREPARE stmt1 FROM 'SELECT SQRT(POW(?,2) + POW(?,2)) AS hypotenuse'",
    "EXECUTE stmt1 USING @a, @b",
    "DEALLOCATE PREPARE stmt1",
    "XA START 'xatest'",
    "XA END 'xatest'",
    "XA PREPARE 'xatest'",
    "XA COMMIT 'xatest'",
    "SAVEPOINT sp1",
    "ROLLBACK TO SAVEPOINT sp1",
    "RELEASE SAVEPOINT sp1",
    "COMMIT AND NO CHAIN NO RELEASE",
    "START TRANSACTION READ ONLY",
    "START TRANSACTION WITH CONSISTENT SNAPSHOT",
    "HANDLER t1 OPEN",
    "HANDLER t1 READ a_index FIRST WHERE a > 10 LIMIT 5",
    "DO SLEEP(5)",
    "DO RELEASE_LOCK('lock1')",
    "SELECT GET_LOCK('lock1', 10)",
    "SELECT SLEEP(10)",
    "SELECT BENCHMARK(1000000, AES_ENCRYPT('hello', UNHEX('F3229A0B371ED2D9441B830D21A390C3')))",
    "SELECT MD5('testing'), SHA2('abc', 256), UUID(), UUID_TO_BIN('6ccd780c-baba-1026-9564-5b8c656024db')",
    "SELECT * FROM t WHERE uuid = 'a6f3c2e0-8b1d-4c3a-9f2e-1d2c3b4a5f6e'",
    "SELECT * FROM sessions WHERE token = '5f4dcc3b5aa765d61d8327deb882cf99'",
    "SELECT * FROM t WHERE ip = INET_ATON('192.168.0.1')",
    "SELECT * FROM t WHERE created_at = '2026-11-17T09:12:03.123456Z'",
    "SELECT ST_AsText(ST_GeomFromText('POINT(1 1)'))",
    "SELECT MATCH (title,body) AGAINST ('database' IN NATURAL LANGUAGE MODE) AS score FROM articles",
    "SELECT * FROM articles WHERE MATCH (title,body) AGAINST ('+MySQL -YourSQL' IN BOOLEAN MODE)",
    "SELECT GROUP_CONCAT(DISTINCT name ORDER BY name ASC SEPARATOR ';') FROM t GROUP BY g",
    "SELECT name FROM t ORDER BY FIELD(status, 'new', 'paid', 'shipped'), created ASC",
    "SELECT * FROM t ORDER BY a ASC, b ASC, c ASC",
    "SELECT * FROM t ORDER BY a DESC, b ASC LIMIT 10 OFFSET 20",
    "SELECT * FROM t ORDER BY RAND() LIMIT 1",
    "(SELECT a FROM t1 WHERE a=10 AND B=1 ORDER BY a LIMIT 10) UNION (SELECT a FROM t2 WHERE a=11 AND B=2 ORDER BY a LIMIT 10)",
    "SELECT 1 UNION SELECT 2 UNION SELECT 3",
    "SELECT a FROM t1 UNION ALL SELECT a FROM t2 UNION ALL SELECT a FROM t3",
    "SELECT a FROM t1 UNION DISTINCT SELECT a FROM t2",
    "SELECT a FROM t1 EXCEPT SELECT a FROM t2",
    "SELECT a FROM t1 INTERSECT SELECT a FROM t2",
    "SELECT id FROM users WHERE id = 1 UNION SELECT id FROM users WHERE id = 2",
    "select id from users where id = 1 union select id from users where id = 2 union select id from users where id = 3",
    "administrator command: Quit",
    "administrator command: Ping",
    "administrator command: Init DB",
    "administrator command: Binlog Dump",
    "administrator command: Close stmt",
    "administrator command: Reset stmt",
    "administrator command: Prepare",
    "administrator command: Change user",
    "administrator command: Statistics",
    "administrator command: Register Slave",
]


# --- Adversarial cases, written to hit each rule and its edges ---------------------------------

ADVERSARIAL_COMMENTS = [
    "/* leading */ SELECT 1",
    "SELECT /* inline */ 1 /* trailing */",
    "SELECT 1 /* unterminated",
    "SELECT 1 /**/ FROM t",
    "SELECT 1 /***/ FROM t",
    "SELECT /* outer /* nested */ still comment? */ 1",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM t",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM `t`",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM t1 WHERE a = 1",
    "SELECT /*+ INDEX(t idx_a) */ * FROM t WHERE a = 1",
    "SELECT /*+ SET_VAR(sort_buffer_size = 16M) */ name FROM people ORDER BY name",
    "/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */ /*!50001 VIEW `v` AS select 1 AS `a` */",
    "SELECT 1 -- trailing comment",
    "SELECT 1 --trailing comment without space",
    "SELECT 1 # hash comment",
    "SELECT 1\n-- line comment\nFROM t",
    "SELECT 1\n# hash line\nFROM t",
    "SELECT a--b FROM t",
    "SELECT a - -b FROM t",
    "SELECT 'it -- is not a comment' FROM t",
    "SELECT 'it # is not a comment' FROM t",
    "SELECT \"/* not a comment */\" FROM t",
    "SELECT '/* not a comment */' FROM t WHERE b = '*/'",
    "SELECT 1 -- comment with 'quote\nFROM t",
    "SELECT 1 # comment with \"quote\nFROM t",
    "SELECT * FROM t WHERE a = 1 -- AND b = 2",
    "SELECT * FROM t WHERE a = 1 /* AND b = 2 */ AND c = 3",
    "SELECT * FROM t /* comment\nspanning\nlines */ WHERE a = 1",
    "-- just a comment\nSELECT 1",
    "# just a comment\nSELECT 1",
    "SELECT 1;\n-- after",
    "/* application=api,route=/orders/:id,controller=orders */ SELECT * FROM orders WHERE id = 17",
    "SELECT * FROM orders WHERE id = 17 /* traceparent='00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' */",
    "SELECT /*foo.bar:1/2*/ 1",
    "REPLACE /*db.tbl:12/34*/ INTO checksums SELECT 1",
    "SELECT /*foo.bar:10/2*/ 1",
    "SELECT /*a.b:3/3*/ COUNT(*) FROM t",
    "/*!40101 SET NAMES utf8mb4 */",
    "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */",
    "SELECT 1 /*! AND 2 */",
    "SELECT * FROM t WHERE a = 1 #",
    "SELECT * FROM t WHERE a = 1 --",
    "SELECT * FROM t WHERE a = '#' AND b = 1 # comment",
    "SELECT * FROM t WHERE a = '--' -- comment",
    "SELECT * FROM t WHERE note = 'a' -- it's here\n AND b = 2",
]

ADVERSARIAL_QUOTES = [
    "SELECT 'it''s' FROM t",
    "SELECT 'O\\'Brien' FROM t",
    "SELECT \"O\\\"Brien\" FROM t",
    "SELECT 'a\\\\' FROM t",
    "SELECT 'a\\\\', 'b' FROM t",
    "SELECT '\\\\' FROM t WHERE b = 'c'",
    "SELECT 'a\\\\\\'b' FROM t",
    "SELECT '' FROM t",
    "SELECT '', '' FROM t",
    "SELECT \"\" FROM t",
    "SELECT 'single \"double\" inside' FROM t",
    "SELECT \"double 'single' inside\" FROM t",
    "SELECT 'multi\nline\nstring' FROM t",
    "SELECT 'tab\there' FROM t",
    "SELECT 'unterminated FROM t",
    "SELECT \"unterminated FROM t",
    "SELECT * FROM t WHERE a = 'x' AND b = \"y\" AND c = 'z'",
    "'literal at the start'",
    "\"double literal at the start\"",
    "'a', 'b'",
    "SELECT `col` FROM `db`.`tbl` WHERE `col` = 'v'",
    "SELECT `weird``name` FROM `tbl`",
    "SELECT `col'quote` FROM t WHERE a = 1",
    "SELECT `col\"dq` FROM t WHERE a = 1",
    "SELECT * FROM t WHERE path = 'C:\\\\Users\\\\admin'",
    "SELECT * FROM t WHERE a LIKE '%\\_%'",
    "SELECT * FROM t WHERE a LIKE '%\\%%'",
    "SELECT * FROM t WHERE j = '{\"k\": \"v\", \"n\": 1}'",
    "SELECT * FROM t WHERE j = '{\\\"k\\\": 1}'",
    "SELECT * FROM t WHERE a = '\\n' AND b = '\\0' AND c = '\\Z'",
    "SELECT * FROM t WHERE a = 'x''' AND b = 1",
    "SELECT * FROM t WHERE a = '''' AND b = 1",
    "SELECT * FROM t WHERE a = '\\'' AND b = 1",
    "SELECT * FROM t WHERE a = \"\\\"\" AND b = 1",
    "SELECT * FROM t WHERE a = 'it\\'s' AND b = 'isn\\'t'",
    "SELECT * FROM t WHERE a = '\\\\' AND b = '\\\\'",
    "INSERT INTO t VALUES ('a\\'b', 'c')",
    "INSERT INTO t VALUES ('a\\\\', 'c'), ('d', 'e')",
    "UPDATE t SET note = 'He said \"hi\"' WHERE id = 3",
    "UPDATE t SET note = \"She said 'bye'\" WHERE id = 3",
    "SELECT * FROM t WHERE a = 'x' 'y'",
    "SELECT CONCAT('a', \"b\", 'c') FROM t",
    "SELECT 'true', 'null', '123' FROM t",
    "SELECT * FROM t WHERE a = _latin1'abc' AND b = _binary 'x'",
    "SELECT * FROM t WHERE a = x'4D7953514C' AND b = b'0101'",
]

ADVERSARIAL_NUMBERS = [
    "SELECT * FROM t1 WHERE id = 1",
    "SELECT * FROM t123 WHERE c4 = 5",
    "SELECT * FROM table_2024_11 WHERE a = 1",
    "SELECT * FROM 2fa_codes WHERE id = 1",
    "SELECT * FROM v1b2x3 WHERE id = 1",
    "SELECT * FROM abc1def WHERE x1 = 1",
    "SELECT * FROM md5_5f4dcc3b5aa765d61d8327deb882cf99 WHERE id = 1",
    "SELECT * FROM t_0xff WHERE a = 1",
    "SELECT * FROM db1.t2 JOIN db3.t4 ON t2.a = t4.b",
    "SELECT a1, b22, c333 FROM t WHERE d4444 = 5",
    "SELECT 1e10, 1E10, 1.5e-3, -1.5E+3 FROM t",
    "SELECT 0x1F, 0xabcdef, 0XAB FROM t",
    "SELECT 0b1, 0b1010 FROM t",
    "SELECT 1.2.3 FROM t",
    "SELECT +-1, -+1, --1 FROM t",
    "SELECT a+1, a-1, a*1, a/1, a%1 FROM t",
    "SELECT a+b, a-b FROM t",
    "SELECT a +1, a -1 FROM t",
    "SELECT 1+1 FROM t",
    "SELECT 123abc FROM t",
    "SELECT 1a2b3c FROM t",
    "SELECT deadbeef, 1deadbeef FROM t",
    "SELECT * FROM t WHERE a = -0",
    "SELECT * FROM t WHERE a BETWEEN 1 AND 100",
    "SELECT * FROM t WHERE created > 20261117",
    "SELECT * FROM t WHERE ts > 1794906710.123456",
    "SELECT * FROM t WHERE version = '8.0.32' AND v2 = 8.0",
    "SELECT * FROM t WHERE ip = '10.0.4.17' AND port = 3306",
    "SELECT * FROM t WHERE date = 2026-11-17",
    "SELECT * FROM `t1` WHERE `c2` = 3",
    "SELECT * FROM t WHERE a = 1x",
    "SELECT * FROM t WHERE a = .1 AND b = 1. AND c = 1.e5",
    "SELECT @1, @@2, $3 FROM t",
    "SELECT * FROM t WHERE a IN (0x01, 0x02)",
    "SELECT * FROM t LIMIT 0",
    "SELECT * FROM t WHERE bx = 1 AND xb = 2",
    "SELECT * FROM t WHERE a = b-1",
    "SELECT * FROM t WHERE a = b - 1",
    "SELECT * FROM t WHERE a = b.c-1",
    "SELECT sum(x)-count(y)+1 FROM t",
    "SELECT x'00ff', X'00FF' FROM t",
]

ADVERSARIAL_LISTS = [
    "SELECT * FROM t WHERE a IN (1)",
    "SELECT * FROM t WHERE a IN(1,2)",
    "SELECT * FROM t WHERE a in ( 1 , 2 , 3 )",
    "SELECT * FROM t WHERE a IN ('a', 'b', 'c')",
    "SELECT * FROM t WHERE a IN (\"a\", \"b\")",
    "SELECT * FROM t WHERE a IN (NULL)",
    "SELECT * FROM t WHERE a IN (1, NULL, 3)",
    "SELECT * FROM t WHERE a IN ()",
    "SELECT * FROM t WHERE a IN (1, 2) AND b IN (3) AND c IN ('x')",
    "SELECT * FROM t WHERE a NOT IN (1, 2, 3)",
    "SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4), (5, 6))",
    "SELECT * FROM t WHERE a IN (1, 2) OR a IN (3, 4)",
    "SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE c = 1)",
    "SELECT * FROM t WHERE a IN (b, c, d)",
    "SELECT * FROM t WHERE a IN (1 + 1, 2)",
    "SELECT * FROM t WHERE a IN (UNHEX('01'), 2)",
    "SELECT * FROM t WHERE a IN (@x, @y)",
    "SELECT * FROM t WHERE a IN (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20)",
    "SELECT * FROM t WHERE a IN\n(1,\n2,\n3)",
    "SELECT * FROM t WHERE a IN\t(1,\t2)",
    "SELECT * FROM t WHERE a IN (1), (2)",
    "SELECT * FROM t WHERE a IN (1),(2) AND b = 3",
    "SELECT * FROM t WHERE main IN (1) AND domain = 2",
    "SELECT * FROM t WHERE within IN (1)",
    "SELECT * FROM t WHERE join_in(1, 2) = 3",
    "SELECT * FROM t WHERE values_x IN (1)",
    "SELECT * FROM login WHERE u IN (1, 2)",
    "INSERT INTO t VALUES (1)",
    "INSERT INTO t VALUES(1),(2),(3)",
    "INSERT INTO t VALUES (1) , (2) , (3)",
    "INSERT INTO t VALUES\n(1),\n(2),\n(3)",
    "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')",
    "INSERT INTO t (a, b) VALUES (1, NOW()), (2, NOW())",
    "INSERT INTO t (a, b) VALUES (NOW(), 1)",
    "INSERT INTO t (a) VALUES (DEFAULT)",
    "INSERT INTO t (a, b) VALUES (1, 'x') ON DUPLICATE KEY UPDATE b = VALUES(b)",
    "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') ON DUPLICATE KEY UPDATE b = VALUES(b)",
    "insert into t (a, b) values (1, 'x'), (2, 'y')",
    "INSERT IGNORE INTO t VALUES (1), (2)",
    "INSERT  IGNORE INTO t VALUES (1), (2)",
    "INSERT IGNORE  INTO t VALUES (1), (2)",
    "REPLACE INTO t VALUES (1), (2)",
    "REPLACE IGNORE INTO t VALUES (1), (2)",
    "INSERT t VALUES (1), (2)",
    "INSERT INTO t VALUE (1), (2)",
    "INSERT INTO t VALUES (1, (2)), (3, (4))",
    "INSERT INTO t VALUES ('a,b'), ('c)d')",
    "INSERT INTO t VALUES ('(', ')'), (')', '(')",
    "INSERT INTO t SELECT * FROM u WHERE a IN (1, 2)",
    "INSERT INTO t (a) VALUES (1), (2) /* trailing */",
    "INSERT /* hint */ INTO t VALUES (1), (2)",
    "INSERT INTO t VALUES (1), (2); INSERT INTO t VALUES (3)",
    "SELECT * FROM t WHERE a IN (1, 2); SELECT * FROM u WHERE b IN (3)",
    "UPDATE t SET a = 1 WHERE id IN (1, 2, 3)",
    "DELETE FROM t WHERE id IN (1, 2, 3)",
]

ADVERSARIAL_UNIONS = [
    "SELECT 1 UNION SELECT 1",
    "SELECT a FROM t UNION SELECT a FROM t",
    "SELECT a FROM t WHERE b = 1 UNION SELECT a FROM t WHERE b = 2",
    "SELECT a FROM t WHERE b = 1 UNION ALL SELECT a FROM t WHERE b = 2 UNION ALL SELECT a FROM t WHERE b = 3",
    "SELECT a FROM t WHERE b = 1 UNION SELECT a FROM t WHERE b = 2 UNION ALL SELECT a FROM t WHERE b = 3",
    "SELECT a FROM t UNION SELECT b FROM u",
    "SELECT a FROM t UNION SELECT b FROM u UNION SELECT a FROM t",
    "(SELECT 1) UNION (SELECT 2)",
    "SELECT 1 UNION\nSELECT 2",
    "SELECT 1\nUNION\nSELECT 2",
    "SELECT 1 union all select 2",
    "SELECT x FROM (SELECT 1 AS x UNION SELECT 2) d",
    "SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 5",
    "SELECT 'a' UNION SELECT 'b' UNION SELECT 'c'",
    "SELECT a FROM t WHERE id IN (1,2) UNION SELECT a FROM t WHERE id IN (3)",
    "SELECT * FROM reunion WHERE a = 1",
    "SELECT 1 UNIONS SELECT 2",
    "SELECT * FROM t1 UNION SELECT * FROM t2 UNION SELECT * FROM t1",
    "SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6",
    "select a from t union select a from t union all select a from t",
]

ADVERSARIAL_LIMITS = [
    "SELECT * FROM t LIMIT 10",
    "SELECT * FROM t LIMIT 10,20",
    "SELECT * FROM t LIMIT 10, 20",
    "SELECT * FROM t LIMIT 10 , 20",
    "SELECT * FROM t LIMIT 10 OFFSET 20",
    "SELECT * FROM t LIMIT 10  OFFSET 20",
    "SELECT * FROM t limit 1",
    "SELECT * FROM t LIMIT ?",
    "SELECT * FROM t LIMIT @a",
    "SELECT * FROM t WHERE a IN (SELECT b FROM u LIMIT 1) LIMIT 5",
    "SELECT * FROM t LIMIT 5 FOR UPDATE",
    "SELECT * FROM t ORDER BY a LIMIT 5, 10",
    "DELETE FROM t WHERE a = 1 LIMIT 1000",
    "UPDATE t SET a = 1 ORDER BY id LIMIT 1000",
    "SELECT * FROM t\nLIMIT\n10",
    "SELECT * FROM t LIMIT\t10,\t20",
    "SELECT * FROM t LIMIT 18446744073709551615 OFFSET 5",
    "SELECT * FROM sublimit WHERE a = 1 limit 3",
]

ADVERSARIAL_ORDER = [
    "SELECT * FROM t ORDER BY a ASC",
    "SELECT * FROM t ORDER BY a asc, b desc",
    "SELECT * FROM t order by a ASC, b ASC",
    "SELECT * FROM t ORDER BY ascending_date",
    "SELECT * FROM t ORDER BY a ASC LIMIT 1",
    "SELECT * FROM t GROUP BY a ASC",
    "SELECT * FROM t ORDER BY\na\nASC",
    "SELECT * FROM t WHERE name = 'ASC' ORDER BY id ASC",
    "SELECT * FROM t ORDER BY a ASC) x ORDER BY b ASC",
    "SELECT * FROM (SELECT * FROM t ORDER BY a ASC) x ORDER BY b ASC",
    "SELECT * FROM t ORDER  BY a ASC",
    "SELECT * FROM t ORDER BY a DESC, b ASC",
    "SELECT * FROM t ORDER BY a, b, c ASC",
    "SELECT * FROM t ORDER BY basc ASC",
    "SELECT * FROM t ORDER BY a ASCII",
]

ADVERSARIAL_CALL_USE_ADMIN = [
    "CALL foo()",
    "call foo(1, 'a')",
    "CALL db.proc(1)",
    "CALL `db`.`proc`(1)",
    "  CALL foo(1)",
    "\nCALL foo(1)",
    "CALL foo",
    "CALL foo (1)",
    "CALL Mixed_Case_Proc(1)",
    "call foo(1); call bar(2)",
    "/* c */ CALL foo(1)",
    "call\nfoo(1)",
    "CALL mysql.rds_show_configuration()",
    "CALL sys.ps_setup_enable_instrument('wait')",
    "use shop",
    "USE shop",
    "use `shop`",
    "use shop ",
    "use shop\n",
    "use  shop",
    "use shop;",
    "Use Shop",
    "use shop /* c */",
    "use `my db`",
    "use shop; select 1",
    "administrator command: Quit",
    "administrator command: Ping\n",
    "administrator command:  Quit",
    "Administrator command: Quit",
    " administrator command: Quit",
    "administrator command: Fetch 1 rows",
    "administrator command: Execute stmt 42",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM `orders`",
    "SELECT /*!40001 SQL_NO_CACHE */ * FROM orders",
    "select /*!40001 SQL_NO_CACHE */ * FROM `orders`",
    " SELECT /*!40001 SQL_NO_CACHE */ * FROM `orders`",
]

ADVERSARIAL_CASE_SPACE = [
    "SELECT NULL, null, Null FROM t",
    "SELECT * FROM t WHERE a IS NULL",
    "SELECT * FROM t WHERE nullable = 1 AND nulls = 2",
    "SELECT * FROM t WHERE a = TRUE AND b = false",
    "SELECT * FROM t WHERE a = True",
    "SELECT * FROM t WHERE is_true = 1 AND true_flag = 2",
    "SELECT TRUE, FALSE, NULL",
    "SELECT * FROM t WHERE a = 'TRUE'",
    "SeLeCt * FrOm T wHeRe A = 1",
    "SELECT\t*\tFROM\tt",
    "SELECT *\r\nFROM t\r\nWHERE a = 1",
    "SELECT *\fFROM t",
    "SELECT *\x0bFROM t",
    "SELECT    *    FROM    t",
    "SELECT * FROM t   ",
    "SELECT * FROM t\n",
    "SELECT * FROM t\n\n",
    "SELECT * FROM t \n ",
    "   SELECT * FROM t",
    "\n\nSELECT * FROM t",
    "\tSELECT * FROM t",
    "SELECT * FROM t\r",
    "SELECT * FROM t;",
    "SELECT * FROM t ;",
    "",
    " ",
    "\n",
    ";",
    "1",
    "?",
    "SELECT ?",
    "SELECT * FROM t WHERE a = ? AND b IN (?, ?)",
    "SELECT * FROM t WHERE a = :name AND b = $1",
]

UNICODE = [
    "SELECT * FROM users WHERE name = 'Zoë'",
    "SELECT * FROM users WHERE name = 'José' AND city = 'São Paulo'",
    "SELECT * FROM 顧客 WHERE 名前 = '山田'",
    "SELECT 名前, 年齢 FROM 社員 WHERE 年齢 > 30",
    "SELECT * FROM `Ärger` WHERE `Größe` = 1",
    "SELECT * FROM Ärger WHERE Größe = 1",
    "SELECT * FROM t WHERE note = '🚀 launch 🎉'",
    "SELECT * FROM t WHERE note = \"emoji 😀\"",
    "INSERT INTO messages (body) VALUES ('Привет, мир'), ('こんにちは')",
    "SELECT * FROM t WHERE name LIKE '%ñ%'",
    "SELECT 'ÀÉÎÕÜ', ÀÉÎÕÜ FROM t",
    "SELECT * FROM t WHERE city = 'İstanbul' OR city = 'ISTANBUL'",
    "SELECT * FROM données WHERE clé = 1",
    "SELECT * FROM t WHERE a = '\u00a0' AND b = 1",
    "SELECT * FROM t\u00a0WHERE a = 1",
    "SELECT * FROM t WHERE a = 1 -- コメント",
    "SELECT * FROM t /* 注释 */ WHERE a = 1",
    "SELECT * FROM t WHERE a = 'Ω' AND Ω = 2",
    "SELECT * FROM t WHERE a = '\u200b'",
    "SELECT * FROM t WHERE 列1 = 1 AND 列2 = '二'",
    "SELECT * FROM café1 WHERE x = 1",
    "SELECT * FROM t WHERE x = N'Ünïcödé'",
]

add("seed", *SEEDS)
add("docs", *DOCS)
add("comment", *ADVERSARIAL_COMMENTS)
add("quote", *ADVERSARIAL_QUOTES)
add("number", *ADVERSARIAL_NUMBERS)
add("list", *ADVERSARIAL_LISTS)
add("union", *ADVERSARIAL_UNIONS)
add("limit", *ADVERSARIAL_LIMITS)
add("order", *ADVERSARIAL_ORDER)
add("call-use-admin", *ADVERSARIAL_CALL_USE_ADMIN)
add("case-space", *ADVERSARIAL_CASE_SPACE)
add("unicode", *UNICODE)
fixture_statements()


# --- Very long statements -----------------------------------------------------------------------

def long_statements():
    rnd = random.Random(4)
    add("long", "SELECT * FROM t WHERE id IN (" + ", ".join(str(rnd.randrange(10**9)) for _ in range(5000)) + ")")
    add("long", "SELECT * FROM t WHERE code IN (" + ",".join(f"'c{rnd.randrange(10**6)}'" for _ in range(3000)) + ")")
    add("long", "INSERT INTO metrics (ts, host, value) VALUES " + ", ".join(
        f"({1794906710 + i}, 'host-{i % 17}', {rnd.random():.6f})" for i in range(2000)))
    add("long", "INSERT orders VALUES " + ",".join(f"({i},'x{i}')" for i in range(3000)))
    add("long", "SELECT " + ", ".join(f"col_{i}" for i in range(1500)) + " FROM wide_table WHERE id = 7")
    add("long", "UPDATE docs SET body = '" + ("lorem ipsum dolor sit amet " * 4000) + "' WHERE id = 9")
    add("long", " UNION ".join(f"SELECT {i}" for i in range(1000)))
    add("long", " UNION ALL ".join("SELECT a FROM t WHERE b = 1" for _ in range(300)))
    add("long", "SELECT * FROM t WHERE " + " OR ".join(f"(a = {i} AND b = 'v{i}')" for i in range(2000)))
    add("long", "SELECT * FROM t WHERE a = 1 " + "/* pad */ " * 3000)
    add("long", "SELECT * FROM t WHERE a = 1\n" + "-- note\n" * 500 + "AND b = 2")


# --- Random statements from a small grammar -----------------------------------------------------

TABLES = ["orders", "order_items", "customers", "ad_logs", "invoice_line", "t1", "users_2024",
          "shop.orders", "`billing`.`invoices`", "events", "sessions", "page_views", "sbtest3"]
COLUMNS = ["id", "customer_id", "status", "created_at", "amount", "col_0", "log_date", "ad_id",
           "`name`", "email", "k", "c", "period", "total", "x1", "is_active"]


STRINGS = ["NEW", "PAID", "x", "O\\'Brien", "a b", "2026-10-01", "", "it''s"]


def literal(rnd):
    return rnd.choice([
        str(rnd.randrange(1000)), str(-rnd.randrange(1000)), f"{rnd.random() * 100:.2f}",
        "'" + rnd.choice(STRINGS) + "'",
        f"\"{rnd.choice(['dq', 'x y', '1'])}\"", "NULL", "TRUE", "false", f"0x{rnd.randrange(4096):x}",
        "NOW()", "CURRENT_DATE", "?",
    ])


def predicate(rnd, depth=0):
    column = rnd.choice(COLUMNS)
    kind = rnd.randrange(9)
    if kind == 0:
        return f"{column} IN ({', '.join(literal(rnd) for _ in range(rnd.randrange(1, 12)))})"
    if kind == 1:
        return f"{column} BETWEEN {literal(rnd)} AND {literal(rnd)}"
    if kind == 2:
        return f"{column} LIKE '{rnd.choice(['%a%', 'abc%', '_x'])}'"
    if kind == 3:
        return f"{column} IS {rnd.choice(['NULL', 'NOT NULL'])}"
    if kind == 4 and depth < 2:
        return f"{column} IN (SELECT {rnd.choice(COLUMNS)} FROM {rnd.choice(TABLES)} WHERE {predicate(rnd, depth + 1)})"
    if kind == 5 and depth < 2:
        return f"({predicate(rnd, depth + 1)} OR {predicate(rnd, depth + 1)})"
    return f"{column} {rnd.choice(['=', '<>', '>', '<=', '!='])} {literal(rnd)}"


def where(rnd):
    return " AND ".join(predicate(rnd) for _ in range(rnd.randrange(1, 4)))


def random_statement(rnd):
    table = rnd.choice(TABLES)
    kind = rnd.randrange(8)
    space = rnd.choice([" ", " ", " ", "\n  ", "\t", "  "])
    if kind <= 2:
        columns = rnd.choice(["*", "COUNT(*)", ", ".join(rnd.sample(COLUMNS, 3)), "DISTINCT status"])
        sql = f"{rnd.choice(['SELECT', 'select', 'Select'])} {columns} FROM {table}{space}WHERE {where(rnd)}"
        if rnd.random() < 0.3:
            sql += f" GROUP BY {rnd.choice(COLUMNS)}"
        if rnd.random() < 0.4:
            sql += f" ORDER BY {rnd.choice(COLUMNS)} {rnd.choice(['', 'ASC', 'DESC', 'asc'])}".rstrip()
        if rnd.random() < 0.4:
            sql += rnd.choice([f" LIMIT {rnd.randrange(100)}", f" LIMIT {rnd.randrange(100)}, {rnd.randrange(100)}",
                               f" LIMIT {rnd.randrange(100)} OFFSET {rnd.randrange(1000)}"])
        if rnd.random() < 0.1:
            sql = f"{sql} UNION {sql}"
        return sql
    if kind == 3:
        columns = rnd.sample(COLUMNS, rnd.randrange(1, 4))
        rows = ", ".join("(" + ", ".join(literal(rnd) for _ in columns) + ")" for _ in range(rnd.randrange(1, 6)))
        verb = rnd.choice(["INSERT INTO", "INSERT IGNORE INTO", "REPLACE INTO", "insert into", "INSERT"])
        sql = f"{verb} {table} ({', '.join(columns)}) VALUES {rows}"
        if rnd.random() < 0.2:
            sql += f" ON DUPLICATE KEY UPDATE {columns[0]} = VALUES({columns[0]})"
        return sql
    if kind == 4:
        sets = ", ".join(f"{c} = {literal(rnd)}" for c in rnd.sample(COLUMNS, rnd.randrange(1, 3)))
        return f"UPDATE {table} SET {sets} WHERE {where(rnd)}" + (f" LIMIT {rnd.randrange(1000)}" if rnd.random() < 0.3 else "")
    if kind == 5:
        return f"DELETE FROM {table} WHERE {where(rnd)}" + (f" LIMIT {rnd.randrange(10000)}" if rnd.random() < 0.3 else "")
    if kind == 6:
        comment = rnd.choice(["/* app=web */ ", "/*+ NO_ICP(t) */ ", "", "-- batch\n", "# cron\n"])
        return f"{comment}SELECT * FROM {table} WHERE {where(rnd)}"
    return rnd.choice([
        f"CALL proc_{rnd.randrange(10)}({literal(rnd)})",
        f"use db{rnd.randrange(10)}",
        f"SHOW TABLE STATUS LIKE '{table}'",
        f"TRUNCATE TABLE {table}",
        f"ANALYZE TABLE {table}",
        f"SET @v{rnd.randrange(10)} = {literal(rnd)}",
    ])


def random_statements(count):
    rnd = random.Random(20261117)
    for _ in range(count):
        add("random", random_statement(rnd))


long_statements()
random_statements(250)


# --- Running pt-fingerprint ---------------------------------------------------------------------

COMMENT_LINE = re.compile(r"^#.+$", re.M)


def via_stdin(statement):
    """Whether pt-fingerprint's file mode passes the statement to fingerprint() unchanged.

    Besides the record splitting and clean-up, file mode sets $/ to ";\\n", so the chomp inside
    fingerprint() no longer removes a trailing newline: such statements go through --query.
    """
    return (re.match(r"[A-Za-z0-9_]", statement) is not None
            and ";\n" not in statement
            and not statement.endswith("\n")
            and COMMENT_LINE.search(statement) is None)


# pt-query-digest's own copy of QueryRewriter::fingerprint, run by loading the tool as a module (it
# only runs main when it is not loaded by another script). One statement per line, base64-encoded.
DIGEST_FINGERPRINT = (
    'do $ARGV[0] or die($@ || $!); use MIME::Base64;'
    ' my $qr = QueryRewriter->new(QueryParser => QueryParser->new());'
    ' while (my $line = <STDIN>) {'
    ' print encode_base64($qr->fingerprint(decode_base64($line)), ""), "\\n" }'
)


def digest_fingerprints(statements):
    tool = subprocess.run(["which", "pt-query-digest"], capture_output=True, check=True)
    payload = "".join(base64.b64encode(s.encode()).decode() + "\n" for _, s in statements)
    out = subprocess.run(["perl", "-e", DIGEST_FINGERPRINT, tool.stdout.decode().strip()],
                         input=payload.encode(), capture_output=True)
    if out.stderr:
        raise SystemExit("pt-query-digest failed: " + out.stderr.decode())
    lines = out.stdout.decode().split("\n")[:-1]
    if len(lines) != len(statements):
        raise SystemExit(f"pt-query-digest gave {len(lines)} answers for {len(statements)}")
    return {i: base64.b64decode(line).decode() for (i, _), line in zip(statements, lines)}


def pt_version(tool="pt-fingerprint"):
    out = subprocess.run([tool, "--version"], capture_output=True, check=True).stdout
    return out.decode().strip()


def fingerprint_all(statements):
    results = {}
    stdin_ids = [i for i, s in statements if via_stdin(s)]
    payload = "".join(s + ";\n" + SEPARATOR + ";\n" for i, s in statements if via_stdin(s))
    out = subprocess.run(["pt-fingerprint"], input=payload.encode(), capture_output=True)
    if out.stderr:
        raise SystemExit("pt-fingerprint failed: " + out.stderr.decode())
    outputs = out.stdout.decode().split("\n" + SEPARATOR + "\n")
    if outputs[-1] != "":
        raise SystemExit("unexpected trailing output from pt-fingerprint: " + outputs[-1][:200])
    outputs = outputs[:-1]
    if len(outputs) != len(stdin_ids):
        raise SystemExit(f"pt-fingerprint gave {len(outputs)} answers for {len(stdin_ids)} statements")
    for case_id, output in zip(stdin_ids, outputs):
        results[case_id] = output
    for case_id, statement in statements:
        if case_id in results:
            continue
        if not statement.isascii() or "\0" in statement:
            raise SystemExit(f"{case_id} needs --query but is not plain ASCII; change it")
        # pt-fingerprint --query exits with 1 after printing (main returns print's value): judge by
        # what it wrote instead.
        out = subprocess.run(["pt-fingerprint", "--query", statement], capture_output=True)
        if out.stderr or not out.stdout.endswith(b"\n"):
            raise SystemExit(f"pt-fingerprint failed on {case_id}: {out.stderr.decode()}")
        results[case_id] = out.stdout.decode()[:-1]  # the fingerprint and "\n"
    return results


def escape(text):
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def main():
    ids = [i for i, _ in cases]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate case ids")
    version = pt_version()
    results = fingerprint_all(cases)
    digest = digest_fingerprints(cases)
    by_query = sum(1 for _, s in cases if not via_stdin(s))
    path = os.path.join(HERE, "corpus.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# tool: {version}\n")
        out.write(f"# digest: {pt_version('pt-query-digest')}\n")
        out.write("# options: defaults (no --match-embedded-numbers, no --match-md5-checksums)\n")
        out.write("# generated by regenerate.py in this directory; do not edit by hand\n")
        out.write(f"# cases: {len(cases)} ({len(cases) - by_query} on standard input, {by_query} with --query)\n")
        out.write("# columns: id TAB statement TAB pt-fingerprint output TAB pt-query-digest's"
                  " fingerprint (its own QueryRewriter);"
                  " escapes \\\\ \\n \\t \\r \\uXXXX (other control characters)\n")
        for case_id, statement in cases:
            out.write(f"{case_id}\t{escape(statement)}\t{escape(results[case_id])}"
                      f"\t{escape(digest[case_id])}\n")
    print(f"wrote {len(cases)} cases ({by_query} with --query) to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
