-- Fact partitions loaded before imports built it get the index of their World rows in product order
-- (sql/world-index.sql): every reporter's record of one code to World as one index range.
DO $$
DECLARE
    fact record;
BEGIN
    SET LOCAL maintenance_work_mem = '512MB';
    FOR fact IN
        SELECT c.relname AS name
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'trade_fact'::regclass
    LOOP
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (px, aggr_level, commodity, flow, reporter)'
            ' WHERE partner = 0 AND partner2 IS NULL AND customs = %L AND mot = %L', fact.name || '_world',
            fact.name, '', '');
        EXECUTE format('ANALYZE %I', fact.name);
    END LOOP;
END
$$;
