-- The notice feed (issue 20): what happened that patient-service may have to tell someone by e-mail. One row per
-- event, written in the transaction that makes the change (an URGENT alert, a physio's program revision, a hold, a
-- resume, a discharge), so a committed change always has its notice and a rolled-back one never does.
-- patient-service reads the feed by cursor (GET /api/notices?after=<id>): rows are never updated or deleted by the
-- service, and the only read is "id > ?" in id order, so the primary key is the only index.
CREATE TABLE notice_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    -- URGENT_ALERT, PROGRAM_CHANGED, PROGRAM_PAUSED, PROGRAM_RESUMED, PROGRAM_DISCHARGED
    kind        VARCHAR(30)  NOT NULL,
    patient_id  BIGINT       NOT NULL,
    program_id  BIGINT       NOT NULL,
    care_physio VARCHAR(100) NOT NULL,
    -- what the event is about: the alert id, r<revision>, h<revision of the hold>, the program id
    ref         VARCHAR(100) NOT NULL,
    -- a code, never free text: the alert type, the hold's source, the kind of change, the discharge reason
    detail      VARCHAR(60),
    occurred_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
