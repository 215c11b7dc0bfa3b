-- Logs per day and care physio, for the reports' weekly series (issue 17, 10x data). The series summed program_week
-- over the period, which reads one row per program and week: about 1.3 M rows for a 12-week period at 100,000
-- programs. This table holds the same counts by day and physio (a program's physio is set when it is assigned and
-- never changes), so a period reads at most days x physios x slots rows whatever the number of programs.
-- Kept by the log path (report/ReportAggregates) in the log's own transaction. A physio's day is split over four
-- slots (program id mod 4) so that concurrent logs of one physio's patients do not all wait on one row lock.
CREATE TABLE report_day_logs (
    log_date    DATE         NOT NULL,
    care_physio VARCHAR(100) NOT NULL,
    slot        TINYINT      NOT NULL,
    logs        INT          NOT NULL,
    PRIMARY KEY (log_date, care_physio, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO report_day_logs (log_date, care_physio, slot, logs)
SELECT s.session_date, p.care_physio, MOD(s.program_id, 4), COUNT(*)
FROM session_log s
JOIN program p ON p.id = s.program_id
GROUP BY s.session_date, p.care_physio, MOD(s.program_id, 4);
