CREATE TABLE exercise (
    id    BIGINT       NOT NULL AUTO_INCREMENT,
    slug  VARCHAR(80)  NOT NULL,
    name  VARCHAR(120) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_exercise_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO exercise (slug, name) VALUES ('short-frequent-walks', 'Short, frequent walks');
