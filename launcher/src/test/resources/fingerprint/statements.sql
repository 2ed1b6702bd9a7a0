-- Statements as a DBA keeps them in a file: ';' at the end of a line ends one.
SELECT * FROM orders WHERE id = 7;
select * from orders where id = 8;
SELECT o.id, o.total
  FROM `orders` o
  JOIN shop.customers c ON c.id = o.customer_id
 WHERE o.status IN ('NEW', 'PAID', 'SHIPPED')
   AND c.country = 'DE';
# a comment line between statements
   DELETE FROM ad_logs WHERE log_date >= '2025-10-01' AND log_date < '2025-11-01' LIMIT 10000;
INSERT INTO ad_logs (ad_id, click_count) VALUES ('a', 1), ('b', 2), ('c', 3);
UPDATE accounts SET balance = balance - 100 WHERE id = 42;
SELECT 'a;b' FROM t WHERE x = "y";
SELECT * FROM t1 WHERE note = 'one;
two' AND id IN (1, 2, 3);
/* a comment first */ SELECT 1;
CALL close_period(33, '2026-10');
use shop;
SELECT 1 UNION SELECT 2 UNION SELECT 3;
SELECT * FROM t ORDER BY a ASC, b DESC LIMIT 10, 20;
SELECT * FROM users WHERE name = 'O\'Brien' AND city = 'Zoë';
SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool%';
SELECT * FROM t
# not a comment inside a statement? pt blanks it all the same
WHERE a = 1;
administrator command: Quit;
SELECT * FROM t WHERE b = 0x1F AND c = -1.5e3;
