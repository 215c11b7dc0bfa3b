-- Schema of program-service. Lower-case table names: MySQL/MariaDB on Linux are case-sensitive.

CREATE TABLE exercise (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    slug                 VARCHAR(80)   NOT NULL,
    name                 VARCHAR(120)  NOT NULL,
    category             VARCHAR(40)   NOT NULL,
    phases               VARCHAR(20)   NOT NULL DEFAULT '',
    instructions         TEXT          NOT NULL,
    should_feel          TEXT,
    precautions          TEXT,
    common_mistakes      TEXT,
    progression          TEXT,
    sets                 INT,
    reps                 INT,
    hold_seconds         INT,
    minutes              INT,
    times_per_day        INT,
    per_side             BOOLEAN       NOT NULL DEFAULT FALSE,
    caution_avoid_phases VARCHAR(20),
    caution_reason       TEXT,
    caution_alternatives VARCHAR(500),
    built_in             BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by           VARCHAR(100),
    version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_exercise_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE protocol (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(60)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description TEXT,
    PRIMARY KEY (id),
    UNIQUE KEY uk_protocol_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE protocol_phase (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    protocol_id    BIGINT       NOT NULL,
    phase_number   INT          NOT NULL,
    name           VARCHAR(120) NOT NULL,
    goal           TEXT         NOT NULL,
    entry_criteria TEXT         NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_protocol_phase (protocol_id, phase_number),
    CONSTRAINT fk_phase_protocol FOREIGN KEY (protocol_id) REFERENCES protocol (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE protocol_exercise (
    id                BIGINT  NOT NULL AUTO_INCREMENT,
    protocol_phase_id BIGINT  NOT NULL,
    exercise_id       BIGINT  NOT NULL,
    position          INT     NOT NULL,
    sets              INT,
    reps              INT,
    hold_seconds      INT,
    minutes           INT,
    times_per_day     INT,
    per_side          BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_protocol_exercise (protocol_phase_id, position),
    CONSTRAINT fk_pe_phase FOREIGN KEY (protocol_phase_id) REFERENCES protocol_phase (id),
    CONSTRAINT fk_pe_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per patient's program. active_patient_id equals patient_id while the program is active and is NULL
-- otherwise: its unique key lets the database refuse a second active program under concurrent assignments.
CREATE TABLE program (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id        BIGINT       NOT NULL,
    active_patient_id BIGINT,
    patient_account   VARCHAR(100),
    care_physio       VARCHAR(100) NOT NULL,
    protocol_id       BIGINT       NOT NULL,
    phase             INT          NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    started_on        DATE         NOT NULL,
    phase_since       DATE         NOT NULL,
    current_revision  INT          NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_program_active_patient (active_patient_id),
    KEY ix_program_patient (patient_id),
    KEY ix_program_account (patient_account),
    CONSTRAINT fk_program_protocol FOREIGN KEY (protocol_id) REFERENCES protocol (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE program_exercise (
    id                 BIGINT  NOT NULL AUTO_INCREMENT,
    program_id         BIGINT  NOT NULL,
    exercise_id        BIGINT  NOT NULL,
    position           INT     NOT NULL,
    sets               INT,
    reps               INT,
    hold_seconds       INT,
    minutes            INT,
    times_per_day      INT,
    per_side           BOOLEAN NOT NULL DEFAULT FALSE,
    marked_for_review  BOOLEAN NOT NULL DEFAULT FALSE,
    caution_ack_reason TEXT,
    PRIMARY KEY (id),
    KEY ix_program_exercise_program (program_id, position),
    CONSTRAINT fk_pex_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_pex_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- History is never overwritten: every assignment and phase move adds a revision with a snapshot of the exercises.
CREATE TABLE program_revision (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    program_id  BIGINT       NOT NULL,
    number      INT          NOT NULL,
    phase       INT          NOT NULL,
    protocol    VARCHAR(60)  NOT NULL,
    exercises   TEXT         NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    effective_on DATE        NOT NULL,
    reason      TEXT,
    PRIMARY KEY (id),
    UNIQUE KEY uk_revision_number (program_id, number),
    CONSTRAINT fk_revision_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session_log (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    program_id              BIGINT       NOT NULL,
    session_date            DATE         NOT NULL,
    pain_before             INT          NOT NULL,
    pain_after              INT          NOT NULL,
    pain_lasted_hours_after BOOLEAN      NOT NULL DEFAULT FALSE,
    red_flag_symptoms       VARCHAR(200),
    notes                   TEXT,
    nerve_pain              BOOLEAN      NOT NULL DEFAULT FALSE,
    idempotency_key         VARCHAR(100),
    request_hash            VARCHAR(64),
    logged_by               VARCHAR(100) NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_session_idempotency (program_id, idempotency_key),
    KEY ix_session_program_date (program_id, session_date),
    KEY ix_session_date (session_date),
    CONSTRAINT fk_session_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session_exercise (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    session_log_id BIGINT      NOT NULL,
    exercise_slug  VARCHAR(80) NOT NULL,
    completed      BOOLEAN     NOT NULL DEFAULT FALSE,
    sets           INT,
    reps           INT,
    side           VARCHAR(10),
    nerve_pain     BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY ix_session_exercise_log (session_log_id),
    CONSTRAINT fk_sex_log FOREIGN KEY (session_log_id) REFERENCES session_log (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    program_id      BIGINT       NOT NULL,
    patient_id      BIGINT       NOT NULL,
    care_physio     VARCHAR(100) NOT NULL,
    session_log_id  BIGINT,
    type            VARCHAR(40)  NOT NULL,
    severity        VARCHAR(10)  NOT NULL,
    severity_rank   INT          NOT NULL,
    message         TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    acknowledged_by VARCHAR(100),
    acknowledged_at DATETIME(6),
    note            TEXT,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_alert_status (status, severity_rank, created_at),
    KEY ix_alert_program (program_id, type, status),
    KEY ix_alert_session (session_log_id),
    CONSTRAINT fk_alert_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    at         DATETIME(6)  NOT NULL,
    actor      VARCHAR(100) NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    action     VARCHAR(60)  NOT NULL,
    patient_id BIGINT,
    program_id BIGINT,
    request_id VARCHAR(100),
    PRIMARY KEY (id),
    KEY ix_audit_patient (patient_id, at),
    KEY ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
