-- The reports' summary (issue 17, 10x data; docs/scaling.md "The summary"). Every report computes each program's
-- figures at request time, which reads every program in scope: about 1 s at 100,000 programs. For the period the
-- admin pages ask by default (the 12 weeks up to today) the summary job (report/ReportSummary) keeps each program's
-- figures as of today in program_figures and their sums per (physio, phase, pain change) in figure_sums. A report
-- then reads the sums, takes out the stored figures of the programs that changed since (program_stale) and adds
-- their figures computed live, so it stays exact between two runs of the job.

-- One row: which day and period the summary is for, under which settings, and whether it is current. epoch is
-- raised by writers that bypass the service (the generator); a summary built at an older epoch is not used. Such a
-- writer also sets paused_until while it writes, so the job does not build a summary it would make stale at once.
-- refreshed_at is the job's last run, whatever it did (the benchmark waits for one before it measures the reports).
CREATE TABLE report_summary (
    id                      TINYINT      NOT NULL,
    epoch                   BIGINT       NOT NULL,
    built_epoch             BIGINT,
    as_of                   DATE,
    period_from             DATE,
    settings                VARCHAR(200),
    one_program_per_patient TINYINT      NOT NULL DEFAULT 0,
    programs                INT          NOT NULL DEFAULT 0,
    built_at                DATETIME(6),
    refreshed_at            DATETIME(6),
    paused_until            DATETIME(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO report_summary (id, epoch) VALUES (1, 0);

-- Each program in scope with its figures as of report_summary.as_of (the columns of ReportQueries' RATED) and its
-- referral rule code when the referral rule holds (referred = 1: the referral list reads them in its order).
CREATE TABLE program_figures (
    program_id  BIGINT        NOT NULL,
    patient_id  BIGINT        NOT NULL,
    care_physio VARCHAR(100)  NOT NULL,
    phase       INT           NOT NULL,
    started_on  DATE          NOT NULL,
    logged_days INT           NOT NULL,
    prescribed  INT           NOT NULL,
    baseline    DECIMAL(14,4),
    recent      DECIMAL(14,4),
    adherence   INT           NOT NULL,
    pain_change DECIMAL(6,1),
    improved    TINYINT       NOT NULL,
    improved_w4 TINYINT       NOT NULL,
    improved_w8 TINYINT       NOT NULL,
    referral    VARCHAR(30),
    referred    TINYINT       NOT NULL,
    PRIMARY KEY (program_id),
    KEY ix_figures_adherence (adherence, program_id),
    KEY ix_figures_physio_adherence (care_physio, adherence, program_id),
    KEY ix_figures_referred (referred, started_on, program_id, care_physio)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- program_figures summed per (physio, phase, pain change): a few thousand rows whatever the number of programs.
CREATE TABLE figure_sums (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    care_physio   VARCHAR(100) NOT NULL,
    phase         INT          NOT NULL,
    pain_change   DECIMAL(6,1),
    programs      BIGINT       NOT NULL,
    adherence_sum BIGINT       NOT NULL,
    adh_lt_25     BIGINT       NOT NULL,
    adh_25_50     BIGINT       NOT NULL,
    adh_50_75     BIGINT       NOT NULL,
    adh_75_up     BIGINT       NOT NULL,
    improved      BIGINT       NOT NULL,
    week4         BIGINT       NOT NULL,
    week4_improved BIGINT      NOT NULL,
    week8         BIGINT       NOT NULL,
    week8_improved BIGINT      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_sums_physio (care_physio)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Programs whose figures may have changed since the summary was built: every write that changes a program's figures
-- or scope (a session log, an assignment, a phase move, a hold, a resume, a discharge) adds or bumps its row in its
-- own transaction. The job computes them again and removes a row only when its version is the one it read.
CREATE TABLE program_stale (
    program_id BIGINT NOT NULL,
    version    BIGINT NOT NULL,
    PRIMARY KEY (program_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
