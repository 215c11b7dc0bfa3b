-- Demo data for the local stack only (loaded by common/DemoDataLoader when CLINIC_DEMO_DATA=true); never by tests.
-- Idempotent: explicit ids and INSERT IGNORE. Dates are relative to the day the data is first loaded.
-- patient-service: patient 1 = Sam Rivera (account patient, care physio physio),
--                  patient 2 = Alex Morgan (account patient2, care physio physio2),
--                  patient 3 = Casey Lee (account patient3, care physio physio): last logged three days ago, so
--                  patient-service's reminder planner sends them the inactivity nudge (docs/notifications.md).

INSERT IGNORE INTO program (id, patient_id, active_patient_id, patient_account, care_physio, protocol_id, phase,
                            status, started_on, phase_since, current_revision, created_by, created_at, updated_at,
                            version) VALUES
(1, 1, 1, 'patient', 'physio', 1, 1, 'ACTIVE', CURDATE() - INTERVAL 10 DAY, CURDATE() - INTERVAL 10 DAY, 1,
 'physio', NOW(6) - INTERVAL 10 DAY, NOW(6) - INTERVAL 10 DAY, 0),
(2, 2, 2, 'patient2', 'physio2', 1, 1, 'ACTIVE', CURDATE() - INTERVAL 10 DAY, CURDATE() - INTERVAL 10 DAY, 1,
 'physio2', NOW(6) - INTERVAL 10 DAY, NOW(6) - INTERVAL 10 DAY, 0),
(3, 3, 3, 'patient3', 'physio', 1, 1, 'ACTIVE', CURDATE() - INTERVAL 10 DAY, CURDATE() - INTERVAL 10 DAY, 1,
 'physio', NOW(6) - INTERVAL 10 DAY, NOW(6) - INTERVAL 10 DAY, 0);

INSERT IGNORE INTO program_exercise (id, program_id, exercise_id, position, sets, reps, hold_seconds, minutes,
                                     times_per_day, per_side, marked_for_review)
SELECT p.id * 100 + pe.position, p.id, pe.exercise_id, pe.position, pe.sets, pe.reps, pe.hold_seconds, pe.minutes,
       pe.times_per_day, pe.per_side, FALSE
FROM program p
JOIN protocol_exercise pe ON pe.protocol_phase_id = 1
WHERE p.id IN (1, 2, 3);

INSERT IGNORE INTO program_revision (id, program_id, number, phase, protocol, exercises, changed_by, changed_at,
                                     effective_on, reason)
SELECT p.id, p.id, 1, 1, 'sciatica-phased',
       (SELECT JSON_ARRAYAGG(JSON_OBJECT('position', x.position, 'exercise', e.slug, 'name', e.name,
                                         'sets', x.sets, 'reps', x.reps, 'holdSeconds', x.hold_seconds,
                                         'minutes', x.minutes, 'timesPerDay', x.times_per_day,
                                         'perSide', x.per_side = 1))
        FROM program_exercise x JOIN exercise e ON e.id = x.exercise_id WHERE x.program_id = p.id),
       p.created_by, p.created_at, p.started_on, 'Acute flare: starting with gentle movement (demo)'
FROM program p
WHERE p.id IN (1, 2, 3);

INSERT IGNORE INTO session_log (id, program_id, session_date, pain_before, pain_after, pain_lasted_hours_after,
                                red_flag_symptoms, notes, nerve_pain, idempotency_key, request_hash, logged_by,
                                created_at) VALUES
(1, 1, CURDATE() - INTERVAL 9 DAY, 7, 6, TRUE, NULL, 'Sitting is hard; walks were short.', FALSE, NULL, NULL,
 'patient', NOW(6) - INTERVAL 9 DAY),
(2, 1, CURDATE() - INTERVAL 8 DAY, 6, 6, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient', NOW(6) - INTERVAL 8 DAY),
(3, 1, CURDATE() - INTERVAL 6 DAY, 6, 5, FALSE, NULL, 'Slump glide felt tight.', FALSE, NULL, NULL, 'patient',
 NOW(6) - INTERVAL 6 DAY),
(4, 1, CURDATE() - INTERVAL 4 DAY, 5, 4, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient', NOW(6) - INTERVAL 4 DAY),
(5, 1, CURDATE() - INTERVAL 2 DAY, 4, 4, FALSE, NULL, 'Walked 10 minutes without trouble.', FALSE, NULL, NULL,
 'patient', NOW(6) - INTERVAL 2 DAY),
(6, 1, CURDATE() - INTERVAL 1 DAY, 4, 3, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient', NOW(6) - INTERVAL 1 DAY),
(7, 2, CURDATE() - INTERVAL 9 DAY, 6, 6, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient2', NOW(6) - INTERVAL 9 DAY),
(8, 2, CURDATE() - INTERVAL 7 DAY, 6, 7, TRUE, NULL, 'Leg tingled during the slump glide.', TRUE, NULL, NULL,
 'patient2', NOW(6) - INTERVAL 7 DAY),
(9, 2, CURDATE() - INTERVAL 6 DAY, 6, 5, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient2', NOW(6) - INTERVAL 6 DAY),
(10, 2, CURDATE() - INTERVAL 4 DAY, 5, 5, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient2',
 NOW(6) - INTERVAL 4 DAY),
(11, 2, CURDATE() - INTERVAL 2 DAY, 5, 4, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient2',
 NOW(6) - INTERVAL 2 DAY),
(12, 2, CURDATE() - INTERVAL 1 DAY, 5, 5, FALSE, NULL, 'Busy day, did the walks only.', FALSE, NULL, NULL,
 'patient2', NOW(6) - INTERVAL 1 DAY),
(13, 3, CURDATE() - INTERVAL 10 DAY, 6, 5, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient3',
 NOW(6) - INTERVAL 10 DAY),
(14, 3, CURDATE() - INTERVAL 8 DAY, 5, 5, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient3', NOW(6) - INTERVAL 8 DAY),
(15, 3, CURDATE() - INTERVAL 6 DAY, 5, 4, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient3', NOW(6) - INTERVAL 6 DAY),
-- The last log: three days ago.
(16, 3, CURDATE() - INTERVAL 3 DAY, 4, 4, FALSE, NULL, NULL, FALSE, NULL, NULL, 'patient3',
 NOW(6) - INTERVAL 3 DAY);

INSERT IGNORE INTO session_exercise (id, session_log_id, exercise_slug, completed, sets, reps, side, nerve_pain)
VALUES
(1, 1, 'short-frequent-walks', TRUE, NULL, NULL, NULL, FALSE),
(2, 1, 'pelvic-tilt', TRUE, 1, 10, NULL, FALSE),
(3, 3, 'modified-slump-glide', TRUE, 1, 5, 'BOTH', FALSE),
(4, 5, 'short-frequent-walks', TRUE, NULL, NULL, NULL, FALSE),
(5, 6, 'seated-ankle-pump', TRUE, 1, 10, 'BOTH', FALSE),
(6, 8, 'modified-slump-glide', FALSE, 1, 3, 'LEFT', TRUE),
(7, 8, 'pelvic-tilt', TRUE, 1, 10, NULL, FALSE),
(8, 12, 'short-frequent-walks', TRUE, NULL, NULL, NULL, FALSE),
(9, 13, 'short-frequent-walks', TRUE, NULL, NULL, NULL, FALSE),
(10, 16, 'pelvic-tilt', TRUE, 1, 10, NULL, FALSE);

-- The nerve-pain log of patient 2 left its trace: the exercise is marked for review and an alert is open.
UPDATE program_exercise SET marked_for_review = TRUE
WHERE id = 206 AND program_id = 2 AND marked_for_review = FALSE;

-- Worded as AlertService words a live one: the exercise's name and the day of the log.
INSERT IGNORE INTO alert (id, program_id, patient_id, care_physio, session_log_id, type, severity, severity_rank,
                          message, status, created_at, version)
SELECT 1, 2, 2, 'physio2', 8, 'NERVE_PAIN', 'HIGH', 1,
       CONCAT('Nerve pain during ''Modified slump glide'' on ', s.session_date, '. The exercise is marked for review.'),
       'OPEN', NOW(6) - INTERVAL 7 DAY, 0
FROM session_log s
WHERE s.id = 8;

-- The reports' stored figures (migration V4) for the demo programs, recomputed from all their logs, so the result is
-- right whether this script runs on a fresh database (after V4's backfill, which saw no logs) or again later.
DELETE FROM program_week WHERE program_id IN (1, 2, 3);
INSERT INTO program_week (program_id, week_start, days_mask, logs)
SELECT s.program_id, s.session_date - INTERVAL WEEKDAY(s.session_date) DAY, BIT_OR(1 << WEEKDAY(s.session_date)),
       COUNT(*)
FROM session_log s
WHERE s.program_id IN (1, 2, 3)
GROUP BY s.program_id, s.session_date - INTERVAL WEEKDAY(s.session_date) DAY;

DELETE FROM program_outcome WHERE program_id IN (1, 2, 3);
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
    WHERE s.program_id IN (1, 2, 3)
) r
JOIN program p ON p.id = r.program_id
GROUP BY r.program_id;

-- The weekly series' day counts (migration V11) for the days and physios of the demo logs, recounted from every log
-- of those days and physios, so a second run of this script counts nothing twice.
DELETE FROM report_day_logs
WHERE (log_date, care_physio) IN (
    SELECT s.session_date, p.care_physio FROM session_log s JOIN program p ON p.id = s.program_id
    WHERE s.program_id IN (1, 2, 3));
INSERT INTO report_day_logs (log_date, care_physio, slot, logs)
SELECT s.session_date, p.care_physio, MOD(s.program_id, 4), COUNT(*)
FROM session_log s
JOIN program p ON p.id = s.program_id
WHERE (s.session_date, p.care_physio) IN (
    SELECT s2.session_date, p2.care_physio FROM session_log s2 JOIN program p2 ON p2.id = s2.program_id
    WHERE s2.program_id IN (1, 2, 3))
GROUP BY s.session_date, p.care_physio, MOD(s.program_id, 4);
