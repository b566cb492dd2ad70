-- The World rows of a fact partition in product order: every reporter's record of one code to World (a product
-- hub, the rankings, a country's rank among all, Comtrade's "every reporter's exports of 87") is one index range,
-- instead of one lookup per reporter in the key index, which leads with the reporter.
CREATE INDEX {partition}_world ON {partition} (px, aggr_level, commodity, flow, reporter)
    WHERE partner = 0 AND partner2 IS NULL AND customs = '' AND mot = ''
