-- The licence's total in US dollars, for the licence lists (历史数据查询 shows 金额(美元)).
-- Issued licences already hold it in their sealed content; it is copied from there.
alter table export_licence add column total_usd numeric(18, 2);
update export_licence set total_usd = round((content::jsonb ->> 'grandTotalUsd')::numeric, 2)
    where content::jsonb ->> 'grandTotalUsd' is not null;
