-- The referrals report judges the last 14 days' logs of every program: how many, and whether one said the pain
-- stops sleep or work. The covering (date, program, pain) index of V4 grows that flag, so the scan still never
-- reads the rows and the 7-day means keep their covering index.
ALTER TABLE session_log
    ADD KEY ix_session_date_program_pain_flag (session_date, program_id, pain_before, pain_stops_sleep_or_work),
    DROP KEY ix_session_date_program_pain;
