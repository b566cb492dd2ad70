-- The bilateral 4- and 2-digit sums of the directed HS6 flows in trade_flow, stored while importing so that those
-- records are read as index ranges instead of being summed at query time. One row per (exporter, importer, code)
-- serves both reporter views, as trade_flow does: the exporter's Export is the importer's Import. Partitioned
-- like trade_flow, one partition per trade_flow partition.
CREATE TABLE trade_flow_sum (
    dataset_id integer          NOT NULL,
    period     integer          NOT NULL,
    px         varchar(4)       NOT NULL,
    exporter   smallint         NOT NULL,
    importer   smallint         NOT NULL,
    level      smallint         NOT NULL,
    product    varchar(12)      NOT NULL,
    value      double precision NOT NULL,
    kg         double precision
) PARTITION BY RANGE (period, dataset_id);

-- Flows loaded before this table existed get their sums here, partition by partition, with the statements and
-- index an import uses (sql/flow-sums.sql, sql/flow-sum-partition-index.sql), and their flows the one b-tree an
-- import now gives them (sql/flow-partition-index.sql) instead of the importer b-tree with a BRIN or a unique
-- exporter b-tree.
DO $$
DECLARE
    flows record;
    sums text;
BEGIN
    SET LOCAL work_mem = '256MB';
    SET LOCAL maintenance_work_mem = '1GB';
    FOR flows IN
        SELECT c.relname AS name, substring(c.relname FROM '^trade_flow_d([0-9]+)_p')::int AS dataset_id,
               substring(c.relname FROM '_p([0-9]+)$')::int AS period
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'trade_flow'::regclass
    LOOP
        sums := 'trade_flow_sum_d' || flows.dataset_id || '_p' || flows.period;
        EXECUTE format('CREATE UNIQUE INDEX %I ON %I (exporter, importer, product)', flows.name || '_pair',
            flows.name);
        EXECUTE format('DROP INDEX IF EXISTS %I', flows.name || '_importer');
        EXECUTE format('DROP INDEX IF EXISTS %I', flows.name || '_exporter');
        EXECUTE format('CREATE TABLE %I (LIKE trade_flow_sum INCLUDING DEFAULTS, CHECK (period = %s AND dataset_id'
            ' = %s))', sums, flows.period, flows.dataset_id);
        EXECUTE format('INSERT INTO %I (dataset_id, period, px, exporter, importer, level, product, value, kg)'
            ' WITH hs4 AS MATERIALIZED (SELECT dataset_id, period, px, exporter, importer, left(product, 4) AS'
            ' product, sum(value) AS value, sum(kg) AS kg FROM %I GROUP BY dataset_id, period, px, exporter,'
            ' importer, left(product, 4))'
            ' SELECT dataset_id, period, px, exporter, importer, level, product, value, kg FROM ('
            ' SELECT dataset_id, period, px, exporter, importer, 4::int2 AS level, product, value, kg FROM hs4'
            ' UNION ALL SELECT dataset_id, period, px, exporter, importer, 2::int2, left(product, 2), sum(value),'
            ' sum(kg) FROM hs4 GROUP BY dataset_id, period, px, exporter, importer, left(product, 2)) s'
            ' ORDER BY exporter, importer, level, product', sums, flows.name);
        EXECUTE format('CREATE INDEX %I ON %I (exporter, importer, level, product)', sums || '_pair', sums);
        EXECUTE format('ANALYZE %I', sums);
        EXECUTE format('ALTER TABLE trade_flow_sum ATTACH PARTITION %I FOR VALUES FROM (%s, %s) TO (%s, %s)', sums,
            flows.period, flows.dataset_id, flows.period, flows.dataset_id + 1);
    END LOOP;
END
$$;
