-- Issue 17: the W3C trace id (OpenTelemetry) of the request that wrote the event, next to its request id, so an
-- audit row leads to the request's trace and log lines. Null for rows written before this version.
ALTER TABLE audit_event
    ADD COLUMN trace_id VARCHAR(32) NULL;
