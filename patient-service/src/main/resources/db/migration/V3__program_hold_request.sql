-- Outbox of screening red flags for program-service, which puts the patient's program on hold. Written in the
-- screening's transaction, so a hold is never lost while program-service is down; delivered at once after the
-- commit and retried by a job until program-service answers (it answers a repeat of a screening the same way).
CREATE TABLE program_hold_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    patient_id      BIGINT        NOT NULL,
    screening_id    BIGINT        NOT NULL,
    red_flags       VARCHAR(200)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    delivered_at    DATETIME(6),
    last_error      VARCHAR(200),
    PRIMARY KEY (id),
    UNIQUE KEY uq_program_hold_request_screening (screening_id),
    CONSTRAINT fk_program_hold_request_screening FOREIGN KEY (screening_id) REFERENCES screening (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The job's question: which requests are due, oldest first.
CREATE INDEX ix_program_hold_request_due ON program_hold_request (delivered_at, next_attempt_at);
