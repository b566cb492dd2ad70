-- The index of a trade_flow partition: a unique b-tree on (exporter, importer, product) rejects a flow given twice
-- (input sorted as BACI files are was also checked while it streamed, and is built into the index without
-- sorting) and serves both views, the importer's through one short range per exporter (the statements name every
-- exporter of the period).
CREATE UNIQUE INDEX {partition}_pair ON {partition} (exporter, importer, product)
