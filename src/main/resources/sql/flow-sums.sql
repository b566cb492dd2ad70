-- The bilateral 4- and 2-digit sums of a trade_flow partition whose flows did not come sorted by pair (sorted
-- input has them written while it streams), in the order sorted input writes them: exporter, importer, level,
-- product. Kilograms are summed over the flows that report them, as sum() does.
INSERT INTO {partition} (dataset_id, period, px, exporter, importer, level, product, value, kg)
WITH hs4 AS MATERIALIZED (
    SELECT dataset_id, period, px, exporter, importer, left(product, 4) AS product, sum(value) AS value,
           sum(kg) AS kg
    FROM {flows}
    GROUP BY dataset_id, period, px, exporter, importer, left(product, 4)
)
SELECT dataset_id, period, px, exporter, importer, level, product, value, kg FROM (
    SELECT dataset_id, period, px, exporter, importer, 4::int2 AS level, product, value, kg FROM hs4
    UNION ALL
    SELECT dataset_id, period, px, exporter, importer, 2::int2, left(product, 2), sum(value), sum(kg) FROM hs4
    GROUP BY dataset_id, period, px, exporter, importer, left(product, 2)
) s
ORDER BY exporter, importer, level, product
