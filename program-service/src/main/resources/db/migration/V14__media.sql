-- Exercise pictures. Uploads are checked, stripped of all metadata and re-encoded by the service before they are
-- stored (clinic.program.media.ImageCheck), so this table holds only the service's own JPEG or PNG encodings: a full
-- size (longest side at most 1600 px) and a thumbnail (at most 320 px). The bytes live in the database so that every
-- replica serves every picture with no extra server (docs/operations.md "Media"). Rows are never updated: a new
-- picture is a new row, and an exercise revision points at the row it was given, so a program keeps its picture.
CREATE TABLE media (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    -- The type of both stored encodings: image/jpeg (photos without transparency) or image/png.
    content_type   VARCHAR(40)  NOT NULL,
    full_bytes     MEDIUMBLOB   NOT NULL,
    full_width     INT          NOT NULL,
    full_height    INT          NOT NULL,
    full_size      INT          NOT NULL,
    -- Hex SHA-256 of full_bytes: the strong ETag of the full size.
    sha256         CHAR(64)     NOT NULL,
    thumb_bytes    MEDIUMBLOB   NOT NULL,
    thumb_width    INT          NOT NULL,
    thumb_height   INT          NOT NULL,
    thumb_size     INT          NOT NULL,
    thumb_sha256   CHAR(64)     NOT NULL,
    -- The uploaded file's byte count and detected type (PNG, JPEG or WEBP), before re-encoding.
    source_size    INT          NOT NULL,
    source_type    VARCHAR(10)  NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- V12 added exercise.image_id without a key because the media table did not exist yet.
ALTER TABLE exercise
    ADD CONSTRAINT fk_exercise_image FOREIGN KEY (image_id) REFERENCES media (id);
