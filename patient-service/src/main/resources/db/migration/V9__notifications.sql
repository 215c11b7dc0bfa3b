-- E-mail notifications (issue 20; docs/notifications.md). patient-service sends them because it owns what decides
-- whether a message may go at all: the patient's address and whether they verified it, their preferences and
-- consent, and the staff logins.

-- A patient's choices. No row: the defaults (every kind on, the reminder at 18:00 in the clinic's time zone, no
-- quiet hours); nothing is sent in any case without an address the patient verified.
CREATE TABLE notification_preference (
    patient_id        BIGINT       NOT NULL,
    email_enabled     BOOLEAN      NOT NULL DEFAULT TRUE,  -- the e-mail channel as a whole
    exercise_reminder BOOLEAN      NOT NULL DEFAULT TRUE,
    inactivity_nudge  BOOLEAN      NOT NULL DEFAULT TRUE,
    measure_due       BOOLEAN      NOT NULL DEFAULT TRUE,
    program_update    BOOLEAN      NOT NULL DEFAULT TRUE,  -- program changed, paused or resumed
    reminder_time     TIME         NOT NULL DEFAULT '18:00:00',
    time_zone         VARCHAR(64)  NULL,                   -- IANA zone; NULL: the clinic's
    quiet_start       TIME         NULL,                   -- both NULL: no quiet hours
    quiet_end         TIME         NULL,
    language          VARCHAR(10)  NULL,                   -- 'en', 'es'; NULL: the clinic's default
    updated_at        TIMESTAMP(6) NOT NULL,
    updated_by        VARCHAR(100) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (patient_id),
    CONSTRAINT fk_notification_preference_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

-- A physio's or admin's choices. An URGENT alert is always sent to the care physio: it cannot be switched off.
CREATE TABLE staff_notification_preference (
    username       VARCHAR(100) NOT NULL,
    daily_digest   BOOLEAN      NOT NULL DEFAULT TRUE,  -- physios: open alerts, once a day
    weekly_summary BOOLEAN      NOT NULL DEFAULT TRUE,  -- admins: the clinic's week
    time_zone      VARCHAR(64)  NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (username)
);

-- The outbox: a notification is recorded here before it is sent, under a unique key (kind, recipient and day, or
-- the event it answers), so planning it twice - two replicas, a retried job - stores it once. A sender job moves a
-- row PENDING -> SENDING (committed before the SMTP conversation) -> SENT; an SMTP failure puts it back to PENDING
-- with a later next_attempt_at, and FAILED after the last try. A row left in SENDING by a crash becomes UNCERTAIN
-- and is never sent again by itself (at most once; admins see it). CANCELLED/SKIPPED rows say why nothing was sent.
-- No address, name or clinical detail is stored: the address is looked up when the message is sent.
CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    dedupe_key      VARCHAR(200)  NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    patient_id      BIGINT        NULL,       -- a patient's notification, or the patient a staff one is about
    recipient       VARCHAR(100)  NULL,       -- a staff notification: the login it goes to
    local_day       DATE          NOT NULL,   -- the recipient's day it belongs to
    ref             VARCHAR(100)  NULL,       -- what it answers: an alert id, a program revision, a notice id
    status          VARCHAR(20)   NOT NULL,   -- PENDING, SENDING, SENT, FAILED, UNCERTAIN, CANCELLED, SKIPPED
    reason          VARCHAR(60)   NULL,       -- why CANCELLED / SKIPPED / FAILED (a code, no personal data)
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    last_error      VARCHAR(300)  NULL,       -- the SMTP failure's class and code, never an address
    message_id      VARCHAR(200)  NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    sending_at      TIMESTAMP(3)  NULL,
    sent_at         TIMESTAMP(3)  NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_notification_key UNIQUE (dedupe_key),
    INDEX ix_notification_due (status, next_attempt_at),
    INDEX ix_notification_patient (patient_id, created_at)
);

-- Where the notice poller stands in program-service's notice feed (one row per feed).
CREATE TABLE notice_cursor (
    feed       VARCHAR(64)  NOT NULL,
    last_id    BIGINT       NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (feed)
);
