CREATE TEMP TABLE stage_fact (LIKE trade_fact INCLUDING DEFAULTS) ON COMMIT DROP;
CREATE TEMP TABLE stage_availability (
    type              char(1)    NOT NULL,
    freq              char(1)    NOT NULL,
    px                varchar(4) NOT NULL,
    reporter          smallint   NOT NULL,
    period            integer    NOT NULL,
    record_count      bigint     NOT NULL,
    is_partner_detail boolean    NOT NULL,
    from_flows        boolean    NOT NULL DEFAULT false
) ON COMMIT DROP;
