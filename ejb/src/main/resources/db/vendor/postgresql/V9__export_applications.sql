-- Export licence applications (seed 001 section 二): the form, its lines, its recorded steps.
create sequence export_application_seq start with 50 increment by 50;

create table export_application (
    id                  bigint          not null primary key,
    version             bigint          not null,
    enterprise_id       bigint          not null references enterprise (id),
    created_by          varchar(32)     not null,
    department          varchar(100),
    state               varchar(30)     not null,
    application_number  varchar(21),
    licence_year        integer         not null,
    commodity_code      varchar(10)     not null,
    port_code           varchar(10)     not null,
    exporter_code       varchar(18)     not null,
    consignor_code      varchar(18)     not null,
    trade_mode_code     varchar(10)     not null,
    country_code        varchar(10)     not null,
    transport_mode_code varchar(10)     not null,
    payment_method      varchar(40)     not null,
    validity_end        date            not null,
    contract_number     varchar(17)     not null,
    currency_code       varchar(10)     not null,
    approval_number     varchar(40),
    usd_rate            numeric(18, 6)  not null,
    remarks             varchar(500),
    one_batch           boolean         not null,
    created_at_utc      timestamp       not null,
    submitted_at_utc    timestamp,
    constraint uq_export_application_number unique (application_number)
);
create index ix_export_application_enterprise on export_application (enterprise_id, state);
create index ix_export_application_state on export_application (state, submitted_at_utc);

create table export_application_line (
    application_id      bigint          not null references export_application (id),
    line_no             integer         not null,
    specification       varchar(200)    not null,
    unit_price          numeric(18, 4)  not null,
    quantity            numeric(18, 5)  not null,
    constraint pk_export_application_line primary key (application_id, line_no)
);

create table export_application_step (
    application_id      bigint          not null references export_application (id),
    step_no             integer         not null,
    actor               varchar(32)     not null,
    at_utc              timestamp       not null,
    from_state          varchar(30)     not null,
    to_state            varchar(30)     not null,
    opinion             varchar(1000),
    constraint pk_export_application_step primary key (application_id, step_no)
);
