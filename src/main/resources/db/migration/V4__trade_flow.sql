-- Directed HS6 flows of BACI-like datasets, one narrow row per flow: both reporter views and the bilateral
-- 4- and 2-digit aggregates are read from here at query time; trade_fact keeps their bilateral TOTAL and the
-- World partner at every level. Partitioned like trade_fact.
CREATE TABLE trade_flow (
    dataset_id integer          NOT NULL,
    period     integer          NOT NULL,
    px         varchar(4)       NOT NULL,
    exporter   smallint         NOT NULL,
    importer   smallint         NOT NULL,
    product    varchar(12)      NOT NULL,
    value      double precision NOT NULL,
    kg         double precision
) PARTITION BY RANGE (period, dataset_id);

-- Whether a reporter-period's records at HS6, 4 and 2 digits with a partner other than World come from
-- trade_flow.
ALTER TABLE data_availability ADD COLUMN from_flows boolean NOT NULL DEFAULT false;
