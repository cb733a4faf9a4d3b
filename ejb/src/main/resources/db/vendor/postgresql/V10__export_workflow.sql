-- Export licence workflow (issue 4): the authority that handles an application (denormalised from
-- the enterprise so the officer queues are one index range), the enterprise's seal over the
-- form, printing of the application form, quota allocations and the issued licences.
alter table export_application add column authority_code varchar(40);
alter table export_application add column total_quantity numeric(18, 5);
alter table export_application add column sealed_by varchar(32);
alter table export_application add column sealed_at_utc timestamp;
alter table export_application add column form_printed boolean default false not null;
update export_application a set authority_code = (select e.authority_code from enterprise e where e.id = a.enterprise_id);
alter table export_application alter column authority_code set not null;
create index ix_export_application_queue on export_application (authority_code, state, submitted_at_utc);
create index ix_export_application_list on export_application (enterprise_id, state, application_number);

-- 配额: what the authority allocated to an enterprise for a year and quota category, and what
-- issued licences have drawn on it.
create sequence quota_allocation_seq start with 50 increment by 50;
create table quota_allocation (
    id                  bigint          not null primary key,
    version             bigint          not null,
    enterprise_id       bigint          not null references enterprise (id),
    quota_year          integer         not null,
    category_code       varchar(20)     not null,
    allocated           numeric(18, 5)  not null,
    used                numeric(18, 5)  not null,
    document_number     varchar(60),
    updated_by          varchar(32)     not null,
    constraint uq_quota_allocation unique (enterprise_id, quota_year, category_code)
);

-- 出口许可证: issued from an approved application, never edited afterwards.
create sequence export_licence_seq start with 50 increment by 50;
create table export_licence (
    id                  bigint          not null primary key,
    licence_number      varchar(10)     not null,
    application_id      bigint          not null references export_application (id),
    enterprise_id       bigint          not null references enterprise (id),
    authority_code      varchar(40)     not null,
    licence_year        integer         not null,
    commodity_code      varchar(10)     not null,
    total_quantity      numeric(18, 5)  not null,
    validity_end        date            not null,
    one_batch           boolean         not null,
    issued_by           varchar(32)     not null,
    issued_at_utc       timestamp       not null,
    content             text            not null,
    constraint uq_export_licence_number unique (licence_number),
    constraint uq_export_licence_application unique (application_id)
);
create index ix_export_licence_enterprise on export_licence (enterprise_id, issued_at_utc);

-- The 6-digit serial of ministry application numbers, per enterprise and year.
create table application_serial (
    enterprise_id       bigint          not null references enterprise (id),
    serial_year         integer         not null,
    last_value          integer         not null,
    constraint pk_application_serial primary key (enterprise_id, serial_year)
);
