-- Refusals are audited too (403 not in care team, 404 on a patient's data), and some events carry a reason
-- (break the glass). Rows written before this migration were all allowed actions.
ALTER TABLE audit_event
    ADD COLUMN outcome VARCHAR(10) NOT NULL DEFAULT 'ALLOWED',
    ADD COLUMN reason  VARCHAR(500) NULL;

-- Filters of GET /api/audit by user and by action, newest first.
CREATE INDEX ix_audit_actor_time ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_action_time ON audit_event (action, occurred_at);
