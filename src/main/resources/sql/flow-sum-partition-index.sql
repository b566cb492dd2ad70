-- The index of a trade_flow_sum partition, in the order its rows are written: a b-tree on (exporter, importer,
-- level, product) serves both views, the importer's through one short range per exporter (the statements name
-- every exporter of the period).
CREATE INDEX {partition}_pair ON {partition} (exporter, importer, level, product)
