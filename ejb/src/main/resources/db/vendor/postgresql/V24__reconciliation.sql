-- The nightly reconciliation (issue 19): per business date and licence what customs' usage comes to
-- (per line licensed, used as customs reports it, remaining; uses; whether a write-off is due and
-- what became of it), and every anomaly with its evidence, kept once per date and finding however
-- often the job runs, with the officer's handling. The authority may let a fully used licence be
-- written off by the job itself.
alter table cat_issuing_authority add column auto_write_off boolean default false not null;

-- the job pages an authority's licences by key: an index that stops after a page, not a scan per page
create index ix_licence_authority_id on licence (authority_code, id);

-- a usage message's declaration date, so that refused usage counts on its business date too
alter table customs_inbound add column declaration_date date;
create index ix_customs_inbound_declared on customs_inbound (declaration_date, result);

create table reconciliation_licence (
    business_date       date            not null,
    licence_id          bigint          not null references licence (id),
    licence_number      varchar(10)     not null,
    authority_code      varchar(40)     not null,
    uses                integer         not null,
    fully_used          boolean         not null,
    outcome             varchar(12)     not null,
    execution_id        bigint          not null,
    reconciled_at_utc   timestamp       not null,
    primary key (business_date, licence_id)
);
create index ix_reconciliation_licence_authority on reconciliation_licence (authority_code, business_date);

create table reconciliation_line (
    business_date       date            not null,
    licence_id          bigint          not null,
    line_number         integer         not null,
    licensed            numeric(18, 5)  not null,
    used                numeric(18, 5)  not null,
    remaining           numeric(18, 5)  not null,
    primary key (business_date, licence_id, line_number),
    foreign key (business_date, licence_id) references reconciliation_licence (business_date, licence_id)
);

create sequence reconciliation_anomaly_seq start with 50 increment by 50;

create table reconciliation_anomaly (
    id                  bigint          not null primary key,
    version             bigint          not null,
    business_date       date            not null,
    licence_number      varchar(10)     not null,
    authority_code      varchar(40)     not null,
    anomaly_type        varchar(20)     not null,
    -- '' and 0 where a finding names no declaration or line: the natural key has no nulls
    declaration_number  varchar(18)     not null,
    line_number         integer         not null,
    evidence            varchar(500)    not null,
    state               varchar(12)     not null,
    note                varchar(1000),
    handled_by          varchar(32),
    handled_at_utc      timestamp,
    constraint uq_reconciliation_anomaly unique (business_date, licence_number, anomaly_type, declaration_number,
        line_number)
);
create index ix_reconciliation_anomaly_queue on reconciliation_anomaly (authority_code, state, business_date);
