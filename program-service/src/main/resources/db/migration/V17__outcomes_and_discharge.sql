-- Outcomes that count (issue 19): questionnaire answers per program and time point, and the program's discharge.

-- One completed questionnaire. Answers are facts: never edited once written; one per program, instrument and time
-- point (a second submission of the same time point is refused, so a double tap cannot count twice).
CREATE TABLE measure_response (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    program_id         BIGINT        NOT NULL,
    patient_id         BIGINT        NOT NULL,
    instrument         VARCHAR(20)   NOT NULL,
    instrument_version VARCHAR(20)   NOT NULL,
    -- BASELINE, WEEK_<n> (n = weeks after the program's start), DISCHARGE
    timepoint          VARCHAR(20)   NOT NULL,
    completed_on       DATE          NOT NULL,
    -- PATIENT (on the portal) or PHYSIO (entered in clinic)
    entered_by_role    VARCHAR(20)   NOT NULL,
    entered_by         VARCHAR(100)  NOT NULL,
    -- the answers as JSON: [{"item": code, "value": number or null, "text": string or null, "skipped": bool}]
    answers            TEXT          NOT NULL,
    answered_items     INT           NOT NULL,
    skipped_items      INT           NOT NULL,
    score              DECIMAL(7, 2) NOT NULL,
    -- a second score where the instrument has one (the STarT Back distress subscale)
    subscore           DECIMAL(7, 2),
    -- the stratification group where the instrument gives one (LOW, MEDIUM, HIGH)
    risk_group         VARCHAR(10),
    created_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_measure_timepoint (program_id, instrument, timepoint),
    KEY ix_measure_program_completed (program_id, completed_on),
    KEY ix_measure_instrument_completed (instrument, completed_on),
    CONSTRAINT fk_measure_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Discharge ends a program: status DISCHARGED, active_patient_id cleared (the patient may be given a new program),
-- and from then on the program is read-only.
ALTER TABLE program
    ADD COLUMN discharged_on     DATE,
    ADD COLUMN discharged_at     DATETIME(6),
    ADD COLUMN discharged_by     VARCHAR(100),
    -- GOALS_MET, SELF_MANAGING, REFERRED_ON, PATIENT_CHOICE, DID_NOT_ENGAGE, OTHER
    ADD COLUMN discharge_reason  VARCHAR(30),
    ADD COLUMN discharge_summary TEXT,
    ADD KEY ix_program_discharged (discharged_on);
