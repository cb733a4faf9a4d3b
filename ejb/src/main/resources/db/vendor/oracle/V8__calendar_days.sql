-- The official holiday calendar as a yearly catalogue: holidays and weekend days worked.
create table cat_calendar_day (
    id                  number(19)          not null primary key,
    catalog_year        number(10)          not null,
    code                varchar2(10 char)   not null,
    day_kind            varchar2(12 char)   not null,
    name_zh             varchar2(200 char)  not null,
    name_en             varchar2(200 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_calendar_day unique (code)
);
