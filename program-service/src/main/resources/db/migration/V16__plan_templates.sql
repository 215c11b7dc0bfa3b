-- Plan templates: a physio's saved exercises and dosages for a protocol phase, private to the physio or shared with
-- the clinic. A template names exercises by slug, not by revision row: it is a starting point and follows the current
-- revision; the program assigned from it pins the revision, as every assignment does.
CREATE TABLE plan_template (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(120)  NOT NULL,
    description   TEXT,
    protocol_code VARCHAR(60)   NOT NULL,
    phase_number  INT           NOT NULL,
    visibility    VARCHAR(10)   NOT NULL,
    owner         VARCHAR(100)  NOT NULL,
    -- The namespace the name is unique in: the owner for a PRIVATE template, '*' for a CLINIC-wide one. Kept by the
    -- service (never '*' for a username); the unique key makes "one name per scope" a database fact under races.
    scope_key     VARCHAR(100)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_plan_template_name (scope_key, name),
    KEY ix_plan_template_owner (owner),
    CONSTRAINT ck_plan_template_visibility CHECK (visibility IN ('PRIVATE', 'CLINIC'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_template_exercise (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    template_id   BIGINT       NOT NULL,
    position      INT          NOT NULL,
    exercise_slug VARCHAR(80)  NOT NULL,
    sets          INT,
    reps          INT,
    hold_seconds  INT,
    minutes       INT,
    times_per_day INT,
    per_side      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_plan_template_position (template_id, position),
    CONSTRAINT fk_plan_template_exercise FOREIGN KEY (template_id) REFERENCES plan_template (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
