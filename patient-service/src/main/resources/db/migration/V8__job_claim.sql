-- Scheduled jobs run once per cluster (clinic.kit.jobs.JobClaims, docs/operations.md "Replicas"): before a tick a
-- replica moves its job's row to the tick's slot with UPDATE ... WHERE slot < ?; the one whose update (or first
-- insert) goes through runs the tick, the others skip it. One row per job, so the table never grows.
CREATE TABLE job_claim (
    job        VARCHAR(64)  NOT NULL,
    slot       BIGINT       NOT NULL,
    holder     VARCHAR(100) NOT NULL,
    claimed_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (job)
);
