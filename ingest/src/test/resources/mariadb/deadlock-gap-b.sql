USE ads;
BEGIN;
SELECT id FROM ad_logs WHERE id = 100001 FOR UPDATE;
SELECT SLEEP(1);
INSERT INTO ad_logs (id, ad_id, log_date, clicks, cost) VALUES (100001, 2, '2026-11-01', 2, 0.20);
COMMIT;
