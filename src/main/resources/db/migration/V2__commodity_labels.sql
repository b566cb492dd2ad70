-- Commodity descriptions as the imported legacy data worded them (for example "Iron and steel." in H0 answers).
-- Answers prefer them to the shipped classification lists, so that served text matches the source.
CREATE TABLE commodity_label (
    px          varchar(4)  NOT NULL,
    code        varchar(12) NOT NULL,
    description text        NOT NULL,
    PRIMARY KEY (px, code)
);

-- Area names that legacy imports brought survive a reload of the shipped area list.
ALTER TABLE area ADD COLUMN named_by_import boolean NOT NULL DEFAULT false;
