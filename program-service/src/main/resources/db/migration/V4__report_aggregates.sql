-- Stored figures for the admin reports (README "Reports"). Computing them from the raw logs on every request took
-- 4-9 s at 1,000,000 logs (docs/performance.md): most per-program figures never change once known, and the rest are
-- sums over days. The log path (report/ReportAggregates, called by SessionService in the log's transaction) keeps
-- these tables current; the backfill below makes an upgraded database, the demo data and a generated clinic right.

-- One row per program with at least one log. The first three logs (by date, then id) give the pain baseline; their
-- dates are kept so a report "as of" a day before the third log averages only those already written, as the raw-log
-- definition does. Week 4 and week 8 of a program are its days 21-27 and 49-55 (started_on is fixed at creation).
CREATE TABLE program_outcome (
    program_id     BIGINT NOT NULL,
    logs           INT    NOT NULL DEFAULT 0,
    first1_on      DATE,
    first1_pain    INT,
    first2_on      DATE,
    first2_pain    INT,
    first3_on      DATE,
    first3_pain    INT,
    week4_logs     INT    NOT NULL DEFAULT 0,
    week4_pain_sum INT    NOT NULL DEFAULT 0,
    week8_logs     INT    NOT NULL DEFAULT 0,
    week8_pain_sum INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id),
    CONSTRAINT fk_outcome_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per program and ISO week (keyed by its Monday): which weekdays had a log (bit 0 = Monday) and how many logs.
-- Adherence counts days with a log in any date range with BIT_COUNT over at most one row per week, a seventh of the
-- rows of a daily table.
CREATE TABLE program_week (
    program_id BIGINT  NOT NULL,
    week_start DATE    NOT NULL,
    days_mask  TINYINT UNSIGNED NOT NULL,
    logs       INT     NOT NULL,
    PRIMARY KEY (program_id, week_start),
    KEY ix_program_week_week (week_start, program_id, days_mask, logs),
    CONSTRAINT fk_week_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The 7-day mean pain and the days of a partial week read the logs of those few days only: by date, covering.
ALTER TABLE session_log
    ADD KEY ix_session_date_program_pain (session_date, program_id, pain_before),
    DROP KEY ix_session_date_program;

-- Backfill from the logs already written.
INSERT INTO program_week (program_id, week_start, days_mask, logs)
SELECT s.program_id, s.session_date - INTERVAL WEEKDAY(s.session_date) DAY, BIT_OR(1 << WEEKDAY(s.session_date)),
       COUNT(*)
FROM session_log s
GROUP BY s.program_id, s.session_date - INTERVAL WEEKDAY(s.session_date) DAY;

INSERT INTO program_outcome (program_id, logs, first1_on, first1_pain, first2_on, first2_pain, first3_on, first3_pain,
                             week4_logs, week4_pain_sum, week8_logs, week8_pain_sum)
SELECT r.program_id, COUNT(*),
       MAX(CASE WHEN r.rn = 1 THEN r.session_date END), MAX(CASE WHEN r.rn = 1 THEN r.pain_before END),
       MAX(CASE WHEN r.rn = 2 THEN r.session_date END), MAX(CASE WHEN r.rn = 2 THEN r.pain_before END),
       MAX(CASE WHEN r.rn = 3 THEN r.session_date END), MAX(CASE WHEN r.rn = 3 THEN r.pain_before END),
       SUM(CASE WHEN r.session_date BETWEEN p.started_on + INTERVAL 21 DAY AND p.started_on + INTERVAL 27 DAY
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.session_date BETWEEN p.started_on + INTERVAL 21 DAY AND p.started_on + INTERVAL 27 DAY
                THEN r.pain_before ELSE 0 END),
       SUM(CASE WHEN r.session_date BETWEEN p.started_on + INTERVAL 49 DAY AND p.started_on + INTERVAL 55 DAY
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.session_date BETWEEN p.started_on + INTERVAL 49 DAY AND p.started_on + INTERVAL 55 DAY
                THEN r.pain_before ELSE 0 END)
FROM (
    SELECT s.program_id, s.session_date, s.pain_before,
           ROW_NUMBER() OVER (PARTITION BY s.program_id ORDER BY s.session_date, s.id) AS rn
    FROM session_log s
) r
JOIN program p ON p.id = r.program_id
GROUP BY r.program_id;
