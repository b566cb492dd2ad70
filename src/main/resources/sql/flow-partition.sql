-- Turns one period of directed HS6 flows into legacy records: both reporter views (the exporter's Export, the
-- importer's Import), the 4- and 2-digit and TOTAL aggregates, and the World partner (code 0) at every level.
-- Placeholders (integers and a classification enum name, never user input): {dataset}, {period}, {px}.
-- Values are USD, quantities kilograms.
INSERT INTO {partition} (dataset_id, period, type, freq, px, reporter, flow, partner, partner2, customs, mot,
                         commodity, aggr_level, is_leaf, qt_code, trade_quantity, net_weight, trade_value,
                         fob_value, est_code)
SELECT {dataset}, {period}, 'C', CASE WHEN {period} > 9999 THEN 'M' ELSE 'A' END, '{px}', v.reporter, v.flow, v.partner, NULL, '', '',
       coalesce(g.product, g.p4, g.p2, 'TOTAL'),
       CASE WHEN g.product IS NOT NULL THEN 6 WHEN g.p4 IS NOT NULL THEN 4 WHEN g.p2 IS NOT NULL THEN 2 ELSE 0 END,
       g.product IS NOT NULL,
       CASE WHEN g.product IS NOT NULL AND g.kg IS NOT NULL THEN 8 ELSE 1 END,
       CASE WHEN g.product IS NOT NULL THEN g.kg END,
       g.kg, g.value, g.value, 0
FROM (
    SELECT exporter, importer, p2, p4, product, sum(value) AS value, sum(quantity) AS kg
    FROM (SELECT exporter, importer, left(product, 2) AS p2, left(product, 4) AS p4, product, value, quantity
          FROM stage_flow WHERE period = {period}) s
    GROUP BY GROUPING SETS (
        (exporter, importer, p2, p4, product), (exporter, importer, p2, p4), (exporter, importer, p2),
        (exporter, importer),
        (exporter, p2, p4, product), (exporter, p2, p4), (exporter, p2), (exporter),
        (importer, p2, p4, product), (importer, p2, p4), (importer, p2), (importer))
) g
CROSS JOIN LATERAL (
    SELECT g.exporter, 2::smallint, coalesce(g.importer, 0)::smallint WHERE g.exporter IS NOT NULL
    UNION ALL
    SELECT g.importer, 1::smallint, coalesce(g.exporter, 0)::smallint WHERE g.importer IS NOT NULL
) v(reporter, flow, partner)
