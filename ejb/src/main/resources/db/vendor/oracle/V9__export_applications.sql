-- Export licence applications (seed 001 section 二): the form, its lines, its recorded steps.
create sequence export_application_seq start with 50 increment by 50;

create table export_application (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    enterprise_id       number(19)          not null references enterprise (id),
    created_by          varchar2(32 char)   not null,
    department          varchar2(100 char),
    state               varchar2(30 char)   not null,
    application_number  varchar2(21 char),
    licence_year        number(10)          not null,
    commodity_code      varchar2(10 char)   not null,
    port_code           varchar2(10 char)   not null,
    exporter_code       varchar2(18 char)   not null,
    consignor_code      varchar2(18 char)   not null,
    trade_mode_code     varchar2(10 char)   not null,
    country_code        varchar2(10 char)   not null,
    transport_mode_code varchar2(10 char)   not null,
    payment_method      varchar2(40 char)   not null,
    validity_end        date                not null,
    contract_number     varchar2(17 char)   not null,
    currency_code       varchar2(10 char)   not null,
    approval_number     varchar2(40 char),
    usd_rate            number(18, 6)       not null,
    remarks             varchar2(500 char),
    one_batch           number(1)           not null,
    created_at_utc      timestamp           not null,
    submitted_at_utc    timestamp,
    constraint uq_export_application_number unique (application_number)
);
create index ix_export_application_enterprise on export_application (enterprise_id, state);
create index ix_export_application_state on export_application (state, submitted_at_utc);

create table export_application_line (
    application_id      number(19)          not null references export_application (id),
    line_no             number(10)          not null,
    specification       varchar2(200 char)  not null,
    unit_price          number(18, 4)       not null,
    quantity            number(18, 5)       not null,
    constraint pk_export_application_line primary key (application_id, line_no)
);

create table export_application_step (
    application_id      number(19)          not null references export_application (id),
    step_no             number(10)          not null,
    actor               varchar2(32 char)   not null,
    at_utc              timestamp           not null,
    from_state          varchar2(30 char)   not null,
    to_state            varchar2(30 char)   not null,
    opinion             varchar2(1000 char),
    constraint pk_export_application_step primary key (application_id, step_no)
);
