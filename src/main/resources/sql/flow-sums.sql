-- The bilateral sums above the finest level of a trade_flow partition whose flows did not come sorted by pair
-- (sorted input has them written while it streams), in the order sorted input writes them: exporter, importer,
-- level, product. {top} is the level just above the finest (HS: 4) and {lower} the levels above that (HS: {2}).
-- A code shorter than a level counts at its own level and above only; kilograms are summed over the flows that
-- report them, as sum() does.
INSERT INTO {partition} (dataset_id, period, px, exporter, importer, level, product, value, kg)
WITH top AS MATERIALIZED (
    SELECT dataset_id, period, px, exporter, importer, left(product, {top}) AS product, sum(value) AS value,
           sum(kg) AS kg
    FROM {flows}
    GROUP BY dataset_id, period, px, exporter, importer, left(product, {top})
)
SELECT dataset_id, period, px, exporter, importer, level, product, value, kg FROM (
    SELECT dataset_id, period, px, exporter, importer, {top}::int2 AS level, product, value, kg FROM top
    WHERE length(product) = {top}
    UNION ALL
    SELECT dataset_id, period, px, exporter, importer, l::int2, left(product, l), sum(value), sum(kg)
    FROM top CROSS JOIN unnest('{lower}'::int2[]) AS l
    WHERE length(product) >= l
    GROUP BY dataset_id, period, px, exporter, importer, l, left(product, l)
) s
ORDER BY exporter, importer, level, product
