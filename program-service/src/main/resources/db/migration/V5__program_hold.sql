-- Clinical safety for the whole course of care (clinical-rules round 2).

-- A red flag puts the program ON_HOLD. active_patient_id stays set: a held program is still the patient's one
-- current program, so an assignment cannot create a second one. The hold is cleared by a physio's resume.
ALTER TABLE program
    ADD COLUMN hold_since        DATETIME(6),
    ADD COLUMN hold_source       VARCHAR(20),
    ADD COLUMN hold_flags        VARCHAR(200),
    ADD COLUMN hold_screening_id BIGINT,
    ADD COLUMN hold_reason       TEXT;

-- Screening red flags delivered by patient-service, one row per screening: a repeated delivery (patient-service
-- retries until it is answered) finds its row and gets the same answer, and changes nothing.
CREATE TABLE screening_hold (
    screening_id BIGINT       NOT NULL,
    patient_id   BIGINT       NOT NULL,
    program_id   BIGINT,
    status_after VARCHAR(20),
    red_flags    VARCHAR(200) NOT NULL,
    received_by  VARCHAR(100) NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (screening_id),
    KEY ix_screening_hold_patient (patient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The patient said the pain stops them sleeping or working (alert DISABLING_SYMPTOMS, progress SEVERE_OR_DISABLING).
ALTER TABLE session_log
    ADD COLUMN pain_stops_sleep_or_work BOOLEAN NOT NULL DEFAULT FALSE;

-- What the physio tells the patient about an acknowledged exercise (required for an exercise with a caution).
ALTER TABLE program_exercise
    ADD COLUMN patient_instructions TEXT;
