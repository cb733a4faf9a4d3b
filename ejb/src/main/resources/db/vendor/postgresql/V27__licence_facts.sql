-- Statistics (issue 20): the reporting model. One row per issued licence with what the statistics
-- group and filter by that the licence row does not hold (its application's trade mode, destination
-- and consignor) and the China date of issue; written by the statistics context's observer of the
-- licence's ISSUED event, in the issuing transaction, so a figure never lags the licences behind it.
-- Everything else (authority, holder, kind, amount, status) is read from the licence itself.
create table licence_fact (
    licence_id          bigint          not null primary key references licence (id),
    issued_on           date            not null,
    trade_mode_code     varchar(10)     not null,
    country_code        varchar(10)     not null,
    consignor_code      varchar(18)
);
create index ix_licence_fact_issued on licence_fact (issued_on);

-- the licences issued before this table
insert into licence_fact (licence_id, issued_on, trade_mode_code, country_code, consignor_code)
select l.id, cast((l.issued_at_utc at time zone 'UTC') at time zone 'Asia/Shanghai' as date), a.trade_mode_code,
       a.country_code, a.consignor_code
from licence l join export_application a on a.id = l.application_id;
