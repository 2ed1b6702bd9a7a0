USE bank;
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
SELECT SLEEP(1);
UPDATE accounts SET balance = balance + 10 WHERE id = 2;
COMMIT;
