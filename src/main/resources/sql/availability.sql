-- Availability rows of one new partition, collected aside so that overlaps with other datasets can be reported.
INSERT INTO stage_availability (type, freq, px, reporter, period, record_count, is_partner_detail)
SELECT type, freq, px, reporter, period, count(*), bool_or(partner <> 0)
FROM {partition}
GROUP BY type, freq, px, reporter, period
