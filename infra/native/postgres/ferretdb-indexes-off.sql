-- HAMGAM_STORE_INDEXES=off: no GIN companions (see ferretdb-indexes.sql), e.g. to measure without them.
SET client_min_messages = warning;  -- no NOTICEs from IF EXISTS
DROP EVENT TRIGGER IF EXISTS hamgam_gin_companions;
DROP EVENT TRIGGER IF EXISTS hamgam_gin_companions_drop;
DO $$
DECLARE
  ix record;
BEGIN
  FOR ix IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'i' AND c.relname LIKE '%\_gin'
               AND to_regclass(format('%I._ferretdb_database_metadata', n.nspname)) IS NOT NULL LOOP
    EXECUTE format('DROP INDEX %I.%I', ix.nspname, ix.relname);
  END LOOP;
  EXECUTE format('ALTER DATABASE %I RESET plan_cache_mode', current_database());
END $$;
