-- Reference tables: loaded from the files under reference/ by the gateway at startup (see ReferenceLoader).
CREATE TABLE area (
    code        smallint PRIMARY KEY,
    name        text     NOT NULL,
    iso3        text     NOT NULL DEFAULT '',
    iso2        text     NOT NULL DEFAULT '',
    is_group    boolean  NOT NULL,
    is_reporter boolean  NOT NULL,
    is_partner  boolean  NOT NULL,
    entry_year  smallint,
    exit_year   smallint
);

CREATE TABLE classification (
    classification text     NOT NULL,
    code           text     NOT NULL,
    description    text     NOT NULL,
    parent         text,
    aggr_level     smallint NOT NULL,
    is_leaf        boolean  NOT NULL,
    std_unit       smallint NOT NULL,
    PRIMARY KEY (classification, code)
);

CREATE TABLE trade_regime (
    code        smallint PRIMARY KEY,
    description text NOT NULL
);

CREATE TABLE quantity_unit (
    code        smallint PRIMARY KEY,
    description text NOT NULL
);

CREATE TABLE reference_version (
    name     text PRIMARY KEY,
    checksum text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Provenance: every fact row belongs to one dataset.
CREATE TABLE dataset (
    id             serial PRIMARY KEY,
    source         text        NOT NULL,
    name           text        NOT NULL,
    source_version text        NOT NULL DEFAULT '',
    licence        text        NOT NULL DEFAULT '',
    synthetic      boolean     NOT NULL,
    content_hash   text        NOT NULL,
    row_count      bigint      NOT NULL DEFAULT 0,
    imported_at    timestamptz NOT NULL DEFAULT now()
);
-- Not unique: a re-import inserts the new row before it removes the old one, in the same transaction.
CREATE INDEX dataset_source_name ON dataset (source, name);

-- The legacy 35-field record, one row per (type, freq, classification, period, reporter, flow, partner,
-- partner2, customs, mot, commodity). Titles and descriptions come from the reference tables.
-- Partitioned by (period, dataset): an import builds its partitions aside and attaches them in one transaction.
CREATE TABLE trade_fact (
    dataset_id     integer     NOT NULL,
    period         integer     NOT NULL,
    type           char(1)     NOT NULL,
    freq           char(1)     NOT NULL,
    px             varchar(4)  NOT NULL,
    reporter       smallint    NOT NULL,
    flow           smallint    NOT NULL,
    partner        smallint    NOT NULL,
    partner2       smallint,
    customs        varchar(8)  NOT NULL DEFAULT '',
    mot            varchar(8)  NOT NULL DEFAULT '',
    commodity      varchar(12) NOT NULL,
    aggr_level     smallint    NOT NULL,
    is_leaf        boolean     NOT NULL,
    qt_code        smallint    NOT NULL DEFAULT 1,
    qt_alt_code    smallint,
    trade_quantity double precision,
    alt_quantity   double precision,
    net_weight     double precision,
    gross_weight   double precision,
    trade_value    double precision NOT NULL,
    cif_value      double precision,
    fob_value      double precision,
    est_code       smallint    NOT NULL DEFAULT 0
) PARTITION BY RANGE (period, dataset_id);

-- What is loaded, per (type, freq, classification, reporter, period). The primary key makes two datasets
-- claiming the same reporter-period-classification impossible.
CREATE TABLE data_availability (
    type              char(1)     NOT NULL,
    freq              char(1)     NOT NULL,
    px                varchar(4)  NOT NULL,
    reporter          smallint    NOT NULL,
    period            integer     NOT NULL,
    dataset_id        integer     NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    record_count      bigint      NOT NULL,
    is_original       boolean     NOT NULL DEFAULT true,
    is_partner_detail boolean     NOT NULL,
    publication_date  date        NOT NULL,
    imported_at       timestamptz NOT NULL,
    PRIMARY KEY (type, freq, px, reporter, period)
);
CREATE INDEX data_availability_dataset ON data_availability (dataset_id);
