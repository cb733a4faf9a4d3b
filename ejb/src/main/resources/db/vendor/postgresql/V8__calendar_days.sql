-- The official holiday calendar as a yearly catalogue: holidays and weekend days worked.
create table cat_calendar_day (
    id                  bigint        not null primary key,
    catalog_year        integer       not null,
    code                varchar(10)   not null,
    day_kind            varchar(12)   not null,
    name_zh             varchar(200)  not null,
    name_en             varchar(200),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_calendar_day unique (code)
);
