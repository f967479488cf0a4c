-- Append-only access logs, held by the store rather than by the services' code. Applied to FerretDB's
-- database at every start of the native stack's PostgreSQL (lib/postgres.sh); safe to re-run.
--
-- Why: the kit's access-log model refuses updates and deletes (packages/service-kit/src/audit), but a
-- curious insider holding a service's store credentials could still rewrite or delete entries
-- through the MongoDB wire. FerretDB 1.24 keeps each collection in a table named after it
-- (`access_log_<fnv32a hash>`, in a schema per database), so row triggers on those tables make every
-- UPDATE, DELETE and TRUNCATE fail whoever sends it. Inserts and reads are untouched; dropping a whole
-- database (a test's throw-away one) still works — guarding DDL needs a store user without that
-- right, which FerretDB 1.24 cannot give (it has no roles), so it stays an operator's privilege.

SET client_min_messages = warning;

CREATE OR REPLACE FUNCTION hamgam_refuse_access_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Guards one table if it is an access log's table in one of FerretDB's schemas.
CREATE OR REPLACE FUNCTION hamgam_guard_access_log(tbl oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  SELECT c.relname AS table_name, n.nspname AS schema_name INTO t
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = tbl AND c.relkind = 'r';
  IF t IS NULL OR t.table_name !~ '^access_log_[0-9a-f]{8}$'
     OR to_regclass(format('%I._ferretdb_database_metadata', t.schema_name)) IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE OR REPLACE TRIGGER hamgam_append_only BEFORE UPDATE OR DELETE ON %I.%I
                  FOR EACH ROW EXECUTE FUNCTION hamgam_refuse_access_log_change()', t.schema_name, t.table_name);
  EXECUTE format('CREATE OR REPLACE TRIGGER hamgam_append_only_truncate BEFORE TRUNCATE ON %I.%I
                  FOR EACH STATEMENT EXECUTE FUNCTION hamgam_refuse_access_log_change()', t.schema_name, t.table_name);
END $$;

CREATE OR REPLACE FUNCTION hamgam_guard_access_log_on_create() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'table' LOOP
    PERFORM hamgam_guard_access_log(cmd.objid);
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS hamgam_access_log_append_only;
CREATE EVENT TRIGGER hamgam_access_log_append_only ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION hamgam_guard_access_log_on_create();

-- Access logs created before this file was applied are guarded now.
SELECT count(hamgam_guard_access_log(oid)) AS guarded FROM pg_class WHERE relkind = 'r' AND relname ~ '^access_log_';
