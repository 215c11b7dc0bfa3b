-- Protocol versions. A clinic makes its own phased protocols; an edit never changes a row a program points at: it
-- adds a protocol row with the same code and the next version (with its own phases and exercises). current_code
-- equals code on the newest version and is NULL on older ones; its unique key keeps exactly one current row per code
-- under concurrent edits (the same trick as exercise.current_slug and program.active_patient_id). A retired protocol
-- keeps its rows (running programs still use them) but is no longer offered for new programs.
ALTER TABLE protocol
    ADD COLUMN version            INT          NOT NULL DEFAULT 1,
    ADD COLUMN current_code       VARCHAR(60)  NULL,
    -- Whether a program from this protocol starts only for a patient cleared by a red-flag screening. Without it a
    -- program still never starts for a discharged patient or one whose latest screening found a red flag.
    ADD COLUMN requires_screening BOOLEAN      NOT NULL DEFAULT TRUE,
    -- Built-in protocols are read-only; a clinic copies one to change it.
    ADD COLUMN built_in           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN retired_at         DATETIME(6)  NULL,
    ADD COLUMN retired_by         VARCHAR(100) NULL,
    ADD COLUMN created_by         VARCHAR(100) NULL,
    ADD COLUMN created_at         DATETIME(6)  NULL;

UPDATE protocol SET current_code = code, created_at = CURRENT_TIMESTAMP(6), created_by = 'system';
UPDATE protocol SET built_in = TRUE WHERE code = 'sciatica-phased';

ALTER TABLE protocol
    DROP INDEX uk_protocol_code,
    ADD UNIQUE KEY uk_protocol_version (code, version),
    ADD UNIQUE KEY uk_protocol_current (current_code);

-- The numeric proxies the progress rules use to suggest entering a phase (NULL or FALSE: no such criterion):
-- the last 7 days' mean pain at most entry_max_mean_pain (0-10 NPRS), adherence in the phase before at least
-- entry_min_adherence percent, and no nerve-pain flag in the last 7 days.
ALTER TABLE protocol_phase
    ADD COLUMN entry_max_mean_pain  DECIMAL(3, 1) NULL,
    ADD COLUMN entry_min_adherence  INT           NULL,
    ADD COLUMN entry_no_nerve_flags BOOLEAN       NOT NULL DEFAULT FALSE;

-- The seed's entry criteria as numbers (docs/clinical-rules.md, "Progress"): phase 2 at a mean of 4 or less with no
-- nerve-pain flag; phase 3 at a mean of 2 or less ("largely pain-free") with phase-2 adherence of 70 % or more.
UPDATE protocol_phase ph JOIN protocol p ON p.id = ph.protocol_id
SET ph.entry_max_mean_pain = 4.0, ph.entry_no_nerve_flags = TRUE
WHERE p.code = 'sciatica-phased' AND ph.phase_number = 2;
UPDATE protocol_phase ph JOIN protocol p ON p.id = ph.protocol_id
SET ph.entry_max_mean_pain = 2.0, ph.entry_min_adherence = 70
WHERE p.code = 'sciatica-phased' AND ph.phase_number = 3;
