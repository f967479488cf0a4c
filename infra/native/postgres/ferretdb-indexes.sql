-- GIN companions for FerretDB's indexes. Applied to FerretDB's database at every start of the
-- native stack's PostgreSQL (lib/postgres.sh); safe to re-run.
--
-- Why: FerretDB 1.24 (pinned at 1.24.2) pushes an equality filter on a top-level field down as
--     SELECT _jsonb FROM "<db>"."<table>" WHERE _jsonb->$1 @> $2        ($1 = '_id', $2 = '"h42"')
-- but the indexes it creates itself (createIndex, and the unique index on _id) are btree on
-- ((_jsonb->'f')), and a btree cannot serve @>: every find, and the find half of every update,
-- reads the whole table. A GIN index (jsonb_path_ops) on the same expression can serve @>, because
-- PostgreSQL plans each execution with $1 as a constant (plan_cache_mode below). FerretDB's own
-- UPDATE ... WHERE _jsonb->'_id' = $2 keeps using its btree.
--
-- So an event trigger gives every btree index FerretDB creates, on a collection's table, a GIN
-- companion over the same top-level fields: collections and model indexes created later get one
-- too. Dotted fields are left out: 1.24 does not push them down. Dropping FerretDB's index drops
-- its companion. The companions only speed up reads; FerretDB does not know about them.

SET client_min_messages = warning;  -- no NOTICEs from the IF EXISTS below on a first run

-- A companion's name: the btree's (FerretDB ends its names in _<hash>_idx, at most 63 bytes), with
-- _idx replaced by _gin, so it never collides with one of FerretDB's own names.
CREATE OR REPLACE FUNCTION hamgam_gin_name(btree_name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT left(regexp_replace(btree_name, '_idx$', ''), 59) || '_gin' $$;

CREATE OR REPLACE FUNCTION hamgam_gin_companion(idx oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ix record;
  cols text[] := '{}';
  expr text;
BEGIN
  SELECT c.relname AS index_name, t.relname AS table_name, n.nspname AS schema_name,
         am.amname, i.indnkeyatts
    INTO ix
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_am am ON am.oid = c.relam
   WHERE i.indexrelid = idx;
  -- Only FerretDB's own btree indexes on a collection's table (its schemas hold a metadata table).
  IF ix IS NULL OR ix.amname <> 'btree' OR ix.table_name = '_ferretdb_database_metadata'
     OR to_regclass(format('%I._ferretdb_database_metadata', ix.schema_name)) IS NULL THEN
    RETURN;
  END IF;
  FOR k IN 1..ix.indnkeyatts LOOP
    expr := pg_get_indexdef(idx, k, false);             -- e.g. ((_jsonb -> 'clinic'::text))
    IF expr ~ '^\(\(_jsonb -> ''([^'']|'''')*''::text\)\)$' THEN
      cols := cols || (expr || ' jsonb_path_ops');
    END IF;
  END LOOP;
  IF cardinality(cols) = 0 THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s)',
                 hamgam_gin_name(ix.index_name), ix.schema_name, ix.table_name,
                 array_to_string(cols, ', '));
END $$;

CREATE OR REPLACE FUNCTION hamgam_gin_on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM hamgam_gin_companion(cmd.objid);   -- a GIN companion itself is skipped (not btree)
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION hamgam_gin_on_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  -- Only indexes dropped by name (dropIndexes); a dropped table takes its companions with it.
  FOR d IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
            WHERE object_type = 'index' AND original AND object_name LIKE '%\_idx' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', d.schema_name, hamgam_gin_name(d.object_name));
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS hamgam_gin_companions;
CREATE EVENT TRIGGER hamgam_gin_companions ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION hamgam_gin_on_create_index();
DROP EVENT TRIGGER IF EXISTS hamgam_gin_companions_drop;
CREATE EVENT TRIGGER hamgam_gin_companions_drop ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION hamgam_gin_on_drop();

-- Indexes that existed before the trigger (or while it was off) get their companions now.
SELECT count(hamgam_gin_companion(indexrelid)) AS checked FROM pg_index;

-- A prepared statement may switch to a generic plan after five runs, and a generic plan does not
-- know $1 = '_id', so it cannot match the companion's expression: plan every execution instead
-- (a few hundredths of a millisecond). Takes effect on FerretDB's next connections.
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
END $$;
