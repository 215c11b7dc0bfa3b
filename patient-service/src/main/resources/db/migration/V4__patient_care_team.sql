-- Care teams: the physios besides the care physio who may read and change a patient's data.
-- patient.care_physio stays the one responsible physio; this table holds the others (may be empty).
CREATE TABLE patient_care_team (
    patient_id BIGINT       NOT NULL,
    username   VARCHAR(100) NOT NULL,
    PRIMARY KEY (patient_id, username),
    CONSTRAINT fk_care_team_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Patients in my care team" (the default patient list of a physio and GET /api/patients/accessible).
CREATE INDEX ix_care_team_username ON patient_care_team (username, patient_id);
