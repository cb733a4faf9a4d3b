-- Reference catalogues (参数列表). Portable SQL: PostgreSQL now, Oracle 23 kept possible.
-- Every row keeps where it came from (source) and how sure we are (confidence H/M/L/I).

-- EclipseLink takes the value nextval returns as the END of a block of 50, so start at 50.
create sequence catalog_seq start with 50 increment by 50;
create sequence catalog_import_seq start with 50 increment by 50;

create table cat_commodity (
    id                  bigint        not null primary key,
    catalog_year        integer       not null,
    code                varchar(10)   not null,
    name_zh             varchar(200)  not null,
    name_en             varchar(200),
    category_code       varchar(20)   not null,
    unit_code           varchar(3)    not null,
    management          varchar(200)  not null,
    licence_kinds       varchar(20)   not null,
    quota               boolean       not null,
    requires_approval   boolean       not null,
    overshipment_pct    numeric(5,2)  not null,
    code_confirmed      boolean       not null,
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_commodity_year_code unique (catalog_year, code)
);
create index ix_commodity_year_category on cat_commodity (catalog_year, category_code);

create table cat_licensed_goods (
    id                  bigint        not null primary key,
    catalog_year        integer       not null,
    code                varchar(10)   not null,
    name_zh             varchar(200)  not null,
    name_en             varchar(200),
    management          varchar(400)  not null,
    quota               varchar(100)  not null,
    issuing_level       varchar(200),
    hs_headings         varchar(200),
    example_codes       varchar(400),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_licensed_goods_year_code unique (catalog_year, code)
);

create table cat_trade_mode (
    id                  bigint        not null primary key,
    code                varchar(4)    not null,
    name_zh             varchar(100)  not null,
    name_full_zh        varchar(200),
    name_en             varchar(200),
    status              varchar(200)  not null,
    in_use              boolean       not null,
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_trade_mode_code unique (code)
);

create table cat_country (
    id                  bigint        not null primary key,
    customs_code        varchar(3)    not null,
    iso_alpha3          varchar(3),
    iso_alpha2          varchar(2),
    name_zh             varchar(100)  not null,
    name_en             varchar(200),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_country_codes unique (customs_code, iso_alpha3)
);

create table cat_payment_method (
    id                  bigint        not null primary key,
    code_system         varchar(40)   not null,
    code                varchar(10),
    name_zh             varchar(100)  not null,
    name_en             varchar(200),
    related_codes       varchar(40),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_payment_method unique (code_system, name_zh)
);

create table cat_customs_port (
    id                  bigint        not null primary key,
    code                varchar(4)    not null,
    name_zh             varchar(100)  not null,
    name_full_zh        varchar(200),
    port_level          varchar(20)   not null,
    parent_code         varchar(4),
    province_zh         varchar(40),
    name_en             varchar(200),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_customs_port_code unique (code)
);

create table cat_transport_mode (
    id                  bigint        not null primary key,
    code                varchar(1)    not null,
    name_zh             varchar(100)  not null,
    name_en             varchar(200),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_transport_mode_code unique (code)
);

create table cat_currency (
    id                  bigint        not null primary key,
    customs_code        varchar(3)    not null,
    iso_alpha           varchar(3)    not null,
    name_zh             varchar(100)  not null,
    name_en             varchar(200),
    in_use              boolean       not null,
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_currency_code unique (customs_code)
);

create table cat_unit (
    id                  bigint        not null primary key,
    code                varchar(3)    not null,
    name_zh             varchar(100)  not null,
    name_en             varchar(200),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_unit_code unique (code)
);

create table cat_issuing_authority (
    id                  bigint        not null primary key,
    code                varchar(40)   not null,
    name_zh             varchar(200)  not null,
    name_en             varchar(200),
    authority_level     varchar(40)   not null,
    region              varchar(200)  not null,
    licence_no_code     varchar(2),
    source              varchar(400)  not null,
    confidence          varchar(1)    not null,
    notes               varchar(2000),
    constraint uq_issuing_authority_code unique (code)
);

-- One row per import of a catalogue: who replaced which data, from which file, when.
create table cat_import (
    id                  bigint        not null primary key,
    kind                varchar(40)   not null,
    catalog_year        integer,
    file_name           varchar(400)  not null,
    row_count           integer       not null,
    imported_by         varchar(100)  not null,
    imported_at         timestamp     not null
);
