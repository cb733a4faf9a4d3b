-- One real enterprise per 13-digit enterprise code (a provisional record does not hold it).
-- Oracle has no partial index: a function-based unique index leaves provisional rows out (a key
-- that is wholly null is not indexed).
create unique index enterprise_code_real on enterprise (case when provisional = 0 then enterprise_code end);
