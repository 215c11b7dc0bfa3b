-- Schema of patient-service: patients, their screenings and the audit trail.
-- Lower-case table names: MySQL/MariaDB table names are case-sensitive on Linux.

CREATE TABLE patient (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    clinic_number     VARCHAR(20)  NOT NULL,
    given_name        VARCHAR(100) NOT NULL,
    family_name       VARCHAR(100) NOT NULL,
    date_of_birth     DATE         NOT NULL,
    sex               VARCHAR(20),
    email             VARCHAR(254),
    phone             VARCHAR(20),
    medical_condition VARCHAR(2000),
    referral_source   VARCHAR(200),
    consent_date      DATE,
    status            VARCHAR(20)  NOT NULL,
    care_physio       VARCHAR(100) NOT NULL,
    account           VARCHAR(20)  NOT NULL,
    account_username  VARCHAR(254),
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    -- Only one ACTIVE patient per e-mail: the database enforces it even when two registrations race.
    active_email      VARCHAR(254) GENERATED ALWAYS AS (CASE WHEN status = 'ACTIVE' THEN email END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uk_patient_clinic_number UNIQUE (clinic_number),
    CONSTRAINT uk_patient_active_email UNIQUE (active_email),
    CONSTRAINT uk_patient_account_username UNIQUE (account_username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Search by name (prefix), listing newest first per status, per care physio, and account/e-mail lookups.
CREATE INDEX ix_patient_family_given ON patient (family_name, given_name);
CREATE INDEX ix_patient_given ON patient (given_name);
CREATE INDEX ix_patient_status_created ON patient (status, created_at, id);
CREATE INDEX ix_patient_created ON patient (created_at, id);
CREATE INDEX ix_patient_care_physio ON patient (care_physio, created_at);
CREATE INDEX ix_patient_email ON patient (email);
CREATE INDEX ix_patient_account_state ON patient (account);

-- Clinic numbers are handed out from one counter row (portable to MySQL 8, which has no sequences):
-- UPDATE ... SET next_value = LAST_INSERT_ID(next_value + 1) gives each transaction its own number.
CREATE TABLE clinic_number_counter (
    id         TINYINT NOT NULL,
    next_value BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO clinic_number_counter (id, next_value) VALUES (1, 0);

CREATE TABLE screening (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    patient_id       BIGINT        NOT NULL,
    red_flags        VARCHAR(200)  NOT NULL,
    sciatica_signs   VARCHAR(200)  NOT NULL,
    other_signs      VARCHAR(200)  NOT NULL,
    notes            VARCHAR(4000),
    outcome          VARCHAR(30)   NOT NULL,
    overridden       BOOLEAN       NOT NULL,
    override_reason  VARCHAR(1000),
    overridden_by    VARCHAR(100),
    screened_at      DATETIME(6)   NOT NULL,
    screened_by      VARCHAR(100)  NOT NULL,
    valid_until      DATE          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_screening_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Latest screening of a patient" and the history list, newest first.
CREATE INDEX ix_screening_patient_time ON screening (patient_id, screened_at, id);

CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    actor_role  VARCHAR(20)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    patient_id  BIGINT,
    request_id  VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_patient_time ON audit_event (patient_id, occurred_at);
CREATE INDEX ix_audit_time ON audit_event (occurred_at);
