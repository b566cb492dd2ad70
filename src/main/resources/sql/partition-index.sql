-- The one index of a fact partition; it serves the /api/get shapes (classification and level first, then
-- reporter, partner, flow, commodity) and enforces the record key.
CREATE UNIQUE INDEX {partition}_key ON {partition}
    (px, aggr_level, reporter, partner, flow, commodity, partner2, customs, mot) NULLS NOT DISTINCT
