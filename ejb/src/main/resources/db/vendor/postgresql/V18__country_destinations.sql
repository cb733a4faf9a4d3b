-- Which countries goods may be licensed to (issue 22, defect 3): the country catalogue's new
-- destination column. Not China itself (142), unknown (701), neutral packaging (999) or the
-- legacy codes of dissolved or merged territories (349, 409, 436); the bundled countries.csv
-- says the same for new databases.
alter table cat_country add column destination boolean default true not null;
update cat_country set destination = false where customs_code in ('142', '701', '999', '349', '409', '436');
