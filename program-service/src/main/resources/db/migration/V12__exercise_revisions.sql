-- Exercise revisions. An edit never changes a row a program points at: it adds a row with the same slug and the
-- next revision. current_slug equals slug on the newest revision and is NULL on older ones; its unique key lets the
-- database keep exactly one current row per slug under concurrent edits (the same trick as
-- program.active_patient_id). A retired exercise keeps its rows (running programs still show it) but is no longer
-- offered for new prescriptions.
ALTER TABLE exercise
    ADD COLUMN revision     INT          NOT NULL DEFAULT 1,
    ADD COLUMN current_slug VARCHAR(80)  NULL,
    ADD COLUMN retired_at   DATETIME(6)  NULL,
    ADD COLUMN retired_by   VARCHAR(100) NULL,
    ADD COLUMN created_at   DATETIME(6)  NULL,
    -- The uploaded picture (media.id, see a later migration) and a video link, both per revision.
    ADD COLUMN image_id     BIGINT       NULL,
    ADD COLUMN video_url    VARCHAR(500) NULL,
    -- The project's line drawing this exercise shows when it has no picture: the built-in exercise's slug, kept by
    -- clinic copies of a built-in exercise.
    ADD COLUMN illustration VARCHAR(80)  NULL;

UPDATE exercise SET current_slug = slug, created_at = CURRENT_TIMESTAMP(6);
UPDATE exercise SET illustration = slug WHERE built_in;

ALTER TABLE exercise
    DROP INDEX uk_exercise_slug,
    ADD UNIQUE KEY uk_exercise_revision (slug, revision),
    ADD UNIQUE KEY uk_exercise_current (current_slug);
