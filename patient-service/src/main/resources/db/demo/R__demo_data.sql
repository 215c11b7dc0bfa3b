-- Demo data for the local stack only (loaded by common/DemoDataLoader when CLINIC_DEMO_DATA=true); never by tests.
-- Idempotent: explicit ids and INSERT IGNORE, so re-running never duplicates or overwrites.
-- Matches the demo realm: logins `patient`, `patient2` and `patient3`, physios `physio` and `physio2`.
-- Care teams: patients 1 (Sam Rivera) and 3 (Casey Lee) are in physio's care and patient 2 (Alex Morgan) in
-- physio2's; no patient_care_team rows, so physio2 is refused patient 1 (and may break the glass), which the demo
-- shows.
-- Patient 3 has not logged a session for three days (program-service's demo data) and a reminder time of 00:00, so
-- the reminder planner's first run after the start finds them due and their nudge is in the demo mailbox within a
-- minute (docs/notifications.md).

INSERT IGNORE INTO patient
    (id, clinic_number, given_name, family_name, date_of_birth, sex, email, phone, medical_condition,
     referral_source, consent_date, status, care_physio, account, account_username, created_at, updated_at, version)
VALUES
    (1, 'PT-000001', 'Sam', 'Rivera', '1984-06-02', 'UNDISCLOSED', 'patient@demo.clinic.test', '+44 20 7946 0101',
     'Left-sided sciatica', 'GP referral', CURRENT_DATE - INTERVAL 5 DAY, 'ACTIVE', 'physio', 'ACTIVE', 'patient',
     NOW(6) - INTERVAL 5 DAY, NOW(6) - INTERVAL 5 DAY, 0),
    (2, 'PT-000002', 'Alex', 'Morgan', '1979-11-23', 'UNDISCLOSED', 'patient2@demo.clinic.test', '+44 20 7946 0102',
     'Right-sided sciatica after lifting', 'Self-referral', CURRENT_DATE - INTERVAL 4 DAY, 'ACTIVE', 'physio2',
     'ACTIVE', 'patient2', NOW(6) - INTERVAL 4 DAY, NOW(6) - INTERVAL 4 DAY, 0),
    (3, 'PT-000003', 'Casey', 'Lee', '1991-03-14', 'UNDISCLOSED', 'patient3@demo.clinic.test', '+44 20 7946 0103',
     'Left-sided sciatica, desk work', 'GP referral', CURRENT_DATE - INTERVAL 12 DAY, 'ACTIVE', 'physio',
     'ACTIVE', 'patient3', NOW(6) - INTERVAL 12 DAY, NOW(6) - INTERVAL 12 DAY, 0);

-- Clinic numbers handed out from now on must not collide with the demo ones.
UPDATE clinic_number_counter SET next_value = GREATEST(next_value, 3) WHERE id = 1;

INSERT IGNORE INTO screening
    (id, patient_id, red_flags, sciatica_signs, other_signs, notes, outcome, overridden, override_reason,
     overridden_by, screened_at, screened_by, valid_until)
VALUES
    (1, 1, '', 'RADIATING_BELOW_BUTTOCK,PARAESTHESIA,WORSE_SITTING_COUGHING', '',
     'Pain from the left buttock to the calf, tingling, worse when sitting. No red flags.', 'CLEAR', FALSE, NULL,
     NULL, NOW(6) - INTERVAL 3 DAY, 'physio', CURRENT_DATE - INTERVAL 3 DAY + INTERVAL 90 DAY),
    (2, 2, '', 'RADIATING_BELOW_BUTTOCK,WORSE_SITTING_COUGHING', '',
     'Right-sided radiating pain since lifting. No red flags.', 'CLEAR', FALSE, NULL,
     NULL, NOW(6) - INTERVAL 3 DAY, 'physio2', CURRENT_DATE - INTERVAL 3 DAY + INTERVAL 90 DAY),
    (3, 3, '', 'RADIATING_BELOW_BUTTOCK,WORSE_SITTING_COUGHING', '',
     'Left-sided radiating pain, worse after long sitting. No red flags.', 'CLEAR', FALSE, NULL,
     NULL, NOW(6) - INTERVAL 11 DAY, 'physio', CURRENT_DATE - INTERVAL 11 DAY + INTERVAL 90 DAY);

-- Patient 3's reminder at 00:00 in the clinic's zone, so it is due whenever the clinic starts; patients 1 and 2 keep
-- the defaults (no row).
INSERT IGNORE INTO notification_preference
    (patient_id, email_enabled, exercise_reminder, inactivity_nudge, measure_due, program_update, reminder_time,
     time_zone, quiet_start, quiet_end, language, updated_at, updated_by, version)
VALUES
    (3, TRUE, TRUE, TRUE, TRUE, TRUE, '00:00:00', NULL, NULL, NULL, NULL, NOW(6) - INTERVAL 12 DAY, 'physio', 0);
