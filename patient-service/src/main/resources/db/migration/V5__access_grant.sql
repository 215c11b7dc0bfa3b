-- Break the glass: a physio outside a patient's care team opens the record for a limited time, with a reason.
-- Rows are never updated or deleted: they are the record of who opened which patient, when, why, until when.
CREATE TABLE access_grant (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id  BIGINT       NOT NULL,
    granted_to  VARCHAR(100) NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    granted_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_access_grant_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The access check (this physio, this patient, unexpired), the physio's accessible list, and the per-patient list.
CREATE INDEX ix_access_grant_user ON access_grant (granted_to, expires_at, patient_id);
CREATE INDEX ix_access_grant_patient ON access_grant (patient_id, granted_at);
CREATE INDEX ix_access_grant_time ON access_grant (granted_at);
