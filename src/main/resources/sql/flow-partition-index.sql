-- Indexes of a trade_flow partition. The unique one serves the importer's view and rejects a flow given twice.
-- The exporter's view reads a BRIN range when the input came sorted by exporter (as BACI files do), else a b-tree.
CREATE UNIQUE INDEX {partition}_importer ON {partition} (importer, exporter, product);
CREATE INDEX {partition}_exporter ON {partition} USING {exporter_index}
