-- The exact size of each bulk file as the gateway builds it, so that the listing can give filesize and the download
-- its Content-Length before a byte is compressed. The fingerprint names everything the bytes depend on (data
-- version, reference lists, file format, Java runtime); a file of another fingerprint is measured again.
CREATE TABLE bulk_file_size (
    fingerprint text        NOT NULL,
    type        char(1)     NOT NULL,
    freq        char(1)     NOT NULL,
    px          varchar(4)  NOT NULL,
    reporter    smallint    NOT NULL,
    period      integer     NOT NULL,
    size        bigint      NOT NULL,
    measured_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fingerprint, type, freq, px, reporter, period)
);
