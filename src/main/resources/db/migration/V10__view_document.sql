-- The World Trade Flows views as they are sent, gzip-compressed, one row per view and data version: a view is
-- rendered from the stored records the first time it is asked for after an import, then read back as one row, as
-- a static file would be. A row is only ever read with the data version it was rendered at, so a re-import or a
-- drop makes the rows of the data before it unreachable; the gateway deletes them when it stores the first view
-- of the new data.
CREATE TABLE view_document (
    uri     text  NOT NULL,
    version text  NOT NULL,
    etag    text  NOT NULL,
    body    bytea NOT NULL,
    PRIMARY KEY (uri, version)
);

-- The bodies are gzip (the gateway compresses each once, when it stores it): kept out of line as they are, since
-- PostgreSQL's own compression would only cost a decompression on every read.
ALTER TABLE view_document ALTER COLUMN body SET STORAGE EXTERNAL;
