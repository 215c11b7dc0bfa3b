-- Audit trail for issue 15: whether each access was allowed or refused, why, and times in UTC.
--
-- outcome: ALLOWED for every row written so far (refusals were not recorded before this version).
-- reason: why a refusal was refused ("not in care team", "unknown patient", ...) or "break-the-glass access".
ALTER TABLE audit_event
    ADD COLUMN outcome VARCHAR(10) NOT NULL DEFAULT 'ALLOWED',
    ADD COLUMN reason VARCHAR(500) NULL,
    ADD KEY ix_audit_actor (actor, at);

-- Rows written before this version hold the service's local time; from now on `at` is UTC. They are converted from
-- the database session's zone, which assumes the service and the database used the same zone (so on the local
-- launcher, where both run on one machine; in UTC containers nothing changes). A zone the database cannot convert
-- (a named zone without its time-zone tables) leaves those rows as they are rather than failing the upgrade.
UPDATE audit_event
   SET at = CONVERT_TZ(at, @@session.time_zone, '+00:00')
 WHERE CONVERT_TZ(at, @@session.time_zone, '+00:00') IS NOT NULL;
