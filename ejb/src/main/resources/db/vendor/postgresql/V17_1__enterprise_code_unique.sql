-- One real enterprise per 13-digit enterprise code (a provisional record does not hold it).
-- Oracle has no partial index: there a function-based unique index on
-- case when provisional = 0 then enterprise_code end does the same.
create unique index enterprise_code_real on enterprise (enterprise_code) where not provisional;
