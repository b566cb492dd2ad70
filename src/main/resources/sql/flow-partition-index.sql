-- Indexes of a trade_flow partition. Input sorted by exporter (as BACI files are) was checked for repeated flows
-- while it streamed: a BRIN range serves the exporter's view, a b-tree on the importer the importer's view.
-- Other input gets a unique b-tree that also rejects a flow given twice.
CREATE INDEX {partition}_importer ON {partition} (importer);
CREATE {exporter_index}
