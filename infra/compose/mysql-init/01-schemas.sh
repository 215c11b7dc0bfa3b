#!/bin/bash
# One schema and one user per service, and Keycloak's own database. Run by the mysql image on the first start
# only (empty volume); passwords come from the container's environment (.env), never from this file.
set -euo pipefail
export MYSQL_PWD="$MYSQL_ROOT_PASSWORD"
mysql --protocol=socket -uroot <<SQL
CREATE DATABASE IF NOT EXISTS patients CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS programs CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS 'patient_service'@'%' IDENTIFIED BY '${PATIENT_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'program_service'@'%' IDENTIFIED BY '${PROGRAM_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '${KEYCLOAK_DB_PASSWORD}';
-- Each service owns its schema (Flyway creates and alters its tables) and sees no other schema.
GRANT ALL PRIVILEGES ON patients.* TO 'patient_service'@'%';
GRANT ALL PRIVILEGES ON programs.* TO 'program_service'@'%';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';
FLUSH PRIVILEGES;
SQL
