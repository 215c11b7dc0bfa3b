-- The outcomes report in the reports' summary (issue 17, 10x data; docs/scaling.md "The summary"). At 100,000
-- programs the outcomes report read every questionnaire due in the period, one lookup per program and instrument due
-- (about 100,000), and every discharged episode's questionnaires: about 0.9 s. For the default period the summary job
-- keeps each program's share of both figures here, with the other reports' (V20), under the same marks
-- (program_stale) and the same rule: stored rows of marked programs are taken out and their figures computed live.

-- The instruments and time points the stored figures were computed under (a hash of codes, MIC, direction and the
-- measures' weeks): a summary built under others is not used for the outcomes report.
ALTER TABLE report_summary ADD COLUMN outcome_settings VARCHAR(64);

-- Per program and time point whose questionnaires were due in the period: how many were due and how many completed.
CREATE TABLE completion_figures (
    program_id  BIGINT       NOT NULL,
    timepoint   VARCHAR(20)  NOT NULL,
    care_physio VARCHAR(100) NOT NULL,
    due         INT          NOT NULL,
    done        INT          NOT NULL,
    PRIMARY KEY (program_id, timepoint)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per program discharged in the period (an episode): whether it has a baseline and a later score of an instrument
-- with a MIC, and whether one of them reached it.
CREATE TABLE episode_figures (
    program_id       BIGINT       NOT NULL,
    protocol         VARCHAR(60)  NOT NULL,
    care_physio      VARCHAR(100) NOT NULL,
    discharge_reason VARCHAR(30),
    with_measures    TINYINT      NOT NULL,
    reached          TINYINT      NOT NULL,
    PRIMARY KEY (program_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
