-- Indexes for the admin reports (README "Reports"), sized for about 10,000 programs and 1,000,000 session logs.

-- Per-program figures read a program's logs in date order with their pain: covering, so the window scan of the
-- reports never touches the rows. It has the old (program_id, session_date) index as its prefix and replaces it.
ALTER TABLE session_log
    ADD KEY ix_session_program_date_pain (program_id, session_date, pain_before),
    DROP KEY ix_session_program_date;

-- Logs per week of a period, joined to the program for the physio filter: covering range scan by date.
ALTER TABLE session_log
    ADD KEY ix_session_date_program (session_date, program_id),
    DROP KEY ix_session_date;

-- Active programs in scope, clinic-wide or for one care physio.
ALTER TABLE program
    ADD KEY ix_program_status_started (status, started_on),
    ADD KEY ix_program_physio_status (care_physio, status, started_on);

-- Open alerts by severity or per physio, created before the end of the period.
ALTER TABLE alert
    ADD KEY ix_alert_open_physio (status, care_physio, severity, created_at);
