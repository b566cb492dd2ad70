-- Every change of the loaded data (an import or a drop: rows of dataset; the wording of areas and commodities) is
-- announced on the channel trade_data_changed when its transaction commits, so that every gateway listening can
-- forget the answers it keeps in memory. Statement-level: one notification per statement, not per row.
CREATE FUNCTION trade_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('trade_data_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER dataset_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset
    FOR EACH STATEMENT EXECUTE FUNCTION trade_data_changed();
CREATE TRIGGER commodity_label_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commodity_label
    FOR EACH STATEMENT EXECUTE FUNCTION trade_data_changed();
CREATE TRIGGER area_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
    FOR EACH STATEMENT EXECUTE FUNCTION trade_data_changed();
