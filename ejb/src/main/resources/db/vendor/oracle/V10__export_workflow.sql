-- Export licence workflow (issue 4): the authority that handles an application (denormalised from
-- the enterprise so the officer queues are one index range), the enterprise's seal over the
-- form, printing of the application form, quota allocations and the issued licences.
alter table export_application add authority_code varchar2(40 char);
alter table export_application add total_quantity number(18, 5);
alter table export_application add sealed_by varchar2(32 char);
alter table export_application add sealed_at_utc timestamp;
alter table export_application add form_printed number(1) default 0 not null;
update export_application a set authority_code = (select e.authority_code from enterprise e where e.id = a.enterprise_id);
alter table export_application modify authority_code not null;
create index ix_export_application_queue on export_application (authority_code, state, submitted_at_utc);
create index ix_export_application_list on export_application (enterprise_id, state, application_number);

-- 配额: what the authority allocated to an enterprise for a year and quota category, and what
-- issued licences have drawn on it.
create sequence quota_allocation_seq start with 50 increment by 50;
create table quota_allocation (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    enterprise_id       number(19)          not null references enterprise (id),
    quota_year          number(10)          not null,
    category_code       varchar2(20 char)   not null,
    allocated           number(18, 5)       not null,
    used                number(18, 5)       not null,
    document_number     varchar2(60 char),
    updated_by          varchar2(32 char)   not null,
    constraint uq_quota_allocation unique (enterprise_id, quota_year, category_code)
);

-- 出口许可证: issued from an approved application, never edited afterwards.
create sequence export_licence_seq start with 50 increment by 50;
create table export_licence (
    id                  number(19)          not null primary key,
    licence_number      varchar2(10 char)   not null,
    application_id      number(19)          not null references export_application (id),
    enterprise_id       number(19)          not null references enterprise (id),
    authority_code      varchar2(40 char)   not null,
    licence_year        number(10)          not null,
    commodity_code      varchar2(10 char)   not null,
    total_quantity      number(18, 5)       not null,
    validity_end        date                not null,
    one_batch           number(1)           not null,
    issued_by           varchar2(32 char)   not null,
    issued_at_utc       timestamp           not null,
    content             clob                not null,
    constraint uq_export_licence_number unique (licence_number),
    constraint uq_export_licence_application unique (application_id)
);
create index ix_export_licence_enterprise on export_licence (enterprise_id, issued_at_utc);

-- The 6-digit serial of ministry application numbers, per enterprise and year.
create table application_serial (
    enterprise_id       number(19)          not null references enterprise (id),
    serial_year         number(10)          not null,
    last_value          number(10)          not null,
    constraint pk_application_serial primary key (enterprise_id, serial_year)
);
