USE ads;
BEGIN;
SELECT id FROM ad_logs WHERE id = 100000 FOR UPDATE;
SELECT SLEEP(1);
INSERT INTO ad_logs (id, ad_id, log_date, clicks, cost) VALUES (100000, 1, '2026-11-01', 1, 0.10);
COMMIT;
