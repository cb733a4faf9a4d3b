-- Reference catalogues (参数列表). Oracle twin of db/vendor/postgresql/V1 (Oracle 19c and later).
-- Every row keeps where it came from (source) and how sure we are (confidence H/M/L/I).

-- EclipseLink takes the value nextval returns as the END of a block of 50, so start at 50.
create sequence catalog_seq start with 50 increment by 50;
create sequence catalog_import_seq start with 50 increment by 50;

create table cat_commodity (
    id                  number(19)          not null primary key,
    catalog_year        number(10)          not null,
    code                varchar2(10 char)   not null,
    name_zh             varchar2(200 char)  not null,
    name_en             varchar2(200 char),
    category_code       varchar2(20 char)   not null,
    unit_code           varchar2(3 char)    not null,
    management          varchar2(200 char)  not null,
    licence_kinds       varchar2(20 char)   not null,
    quota               number(1)           not null,
    requires_approval   number(1)           not null,
    overshipment_pct    number(5,2)         not null,
    code_confirmed      number(1)           not null,
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_commodity_year_code unique (catalog_year, code)
);
create index ix_commodity_year_category on cat_commodity (catalog_year, category_code);

create table cat_licensed_goods (
    id                  number(19)          not null primary key,
    catalog_year        number(10)          not null,
    code                varchar2(10 char)   not null,
    name_zh             varchar2(200 char)  not null,
    name_en             varchar2(200 char),
    management          varchar2(400 char)  not null,
    quota               varchar2(100 char)  not null,
    issuing_level       varchar2(200 char),
    hs_headings         varchar2(200 char),
    example_codes       varchar2(400 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_licensed_goods_year_code unique (catalog_year, code)
);

create table cat_trade_mode (
    id                  number(19)          not null primary key,
    code                varchar2(4 char)    not null,
    name_zh             varchar2(100 char)  not null,
    name_full_zh        varchar2(200 char),
    name_en             varchar2(200 char),
    status              varchar2(200 char)  not null,
    in_use              number(1)           not null,
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_trade_mode_code unique (code)
);

create table cat_country (
    id                  number(19)          not null primary key,
    customs_code        varchar2(3 char)    not null,
    iso_alpha3          varchar2(3 char),
    iso_alpha2          varchar2(2 char),
    name_zh             varchar2(100 char)  not null,
    name_en             varchar2(200 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_country_codes unique (customs_code, iso_alpha3)
);

create table cat_payment_method (
    id                  number(19)          not null primary key,
    code_system         varchar2(40 char)   not null,
    code                varchar2(10 char),
    name_zh             varchar2(100 char)  not null,
    name_en             varchar2(200 char),
    related_codes       varchar2(40 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_payment_method unique (code_system, name_zh)
);

create table cat_customs_port (
    id                  number(19)          not null primary key,
    code                varchar2(4 char)    not null,
    name_zh             varchar2(100 char)  not null,
    name_full_zh        varchar2(200 char),
    port_level          varchar2(20 char)   not null,
    parent_code         varchar2(4 char),
    province_zh         varchar2(40 char),
    name_en             varchar2(200 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_customs_port_code unique (code)
);

create table cat_transport_mode (
    id                  number(19)          not null primary key,
    code                varchar2(1 char)    not null,
    name_zh             varchar2(100 char)  not null,
    name_en             varchar2(200 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_transport_mode_code unique (code)
);

create table cat_currency (
    id                  number(19)          not null primary key,
    customs_code        varchar2(3 char)    not null,
    iso_alpha           varchar2(3 char)    not null,
    name_zh             varchar2(100 char)  not null,
    name_en             varchar2(200 char),
    in_use              number(1)           not null,
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_currency_code unique (customs_code)
);

create table cat_unit (
    id                  number(19)          not null primary key,
    code                varchar2(3 char)    not null,
    name_zh             varchar2(100 char)  not null,
    name_en             varchar2(200 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_unit_code unique (code)
);

create table cat_issuing_authority (
    id                  number(19)          not null primary key,
    code                varchar2(40 char)   not null,
    name_zh             varchar2(200 char)  not null,
    name_en             varchar2(200 char),
    authority_level     varchar2(40 char)   not null,
    region              varchar2(200 char)  not null,
    licence_no_code     varchar2(2 char),
    source              varchar2(400 char)  not null,
    confidence          varchar2(1 char)    not null,
    notes               varchar2(2000 char),
    constraint uq_issuing_authority_code unique (code)
);

-- One row per import of a catalogue: who replaced which data, from which file, when.
create table cat_import (
    id                  number(19)          not null primary key,
    kind                varchar2(40 char)   not null,
    catalog_year        number(10),
    file_name           varchar2(400 char)  not null,
    row_count           number(10)          not null,
    imported_by         varchar2(100 char)  not null,
    imported_at         timestamp           not null
);
