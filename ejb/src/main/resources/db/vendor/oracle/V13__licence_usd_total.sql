-- The licence's total in US dollars, for the licence lists (历史数据查询 shows 金额(美元)).
-- The PostgreSQL twin copies it from the content of licences issued before; an Oracle database
-- is created by this release's migrations in one go, so it holds no such licence.
alter table export_licence add total_usd number(18, 2);
