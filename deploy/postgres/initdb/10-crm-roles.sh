#!/usr/bin/env bash
# Run once by the postgres image (docker-entrypoint-initdb.d) when it creates its data directory: the
# database crm belongs to crm_owner, who runs the migrations; the service connects as crm, which owns
# nothing and reads and writes what crm_owner creates, so row-level security holds it (docs/security.md).
# The same as `deploy/postgres/postgres.sh provision`, for the compose stack.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE crm_owner LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${CRM_OWNER_PASSWORD:?}';
CREATE ROLE crm LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${CRM_PASSWORD:?}';
ALTER DATABASE "$POSTGRES_DB" OWNER TO crm_owner;
ALTER SCHEMA public OWNER TO crm_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO crm;
ALTER DEFAULT PRIVILEGES FOR ROLE crm_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO crm;
ALTER DEFAULT PRIVILEGES FOR ROLE crm_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO crm;
SQL
