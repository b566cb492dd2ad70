-- The select2 text of each code as the published lists word it ("01 - Live animals").
ALTER TABLE classification ADD COLUMN text text NOT NULL DEFAULT '';
