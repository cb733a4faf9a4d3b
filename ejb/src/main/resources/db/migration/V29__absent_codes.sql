-- An absent code in a key is '-' instead of '' (issue 21): Oracle stores '' as null, which no key
-- column takes. The monthly goods sums (port, category, unit) and a reconciliation finding that names
-- no declaration. Portable: on a new Oracle database there is nothing to change.
update goods_month set port_code = '-' where port_code = '';
update goods_month set category_code = '-' where category_code = '';
update goods_month set unit_code = '-' where unit_code = '';
update reconciliation_anomaly set declaration_number = '-' where declaration_number = '';
