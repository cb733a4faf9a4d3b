-- The nightly reconciliation (issue 19): per business date and licence what customs' usage comes to
-- (per line licensed, used as customs reports it, remaining; uses; whether a write-off is due and
-- what became of it), and every anomaly with its evidence, kept once per date and finding however
-- often the job runs, with the officer's handling. The authority may let a fully used licence be
-- written off by the job itself.
alter table cat_issuing_authority add auto_write_off number(1) default 0 not null;

-- the job pages an authority's licences by key: an index that stops after a page, not a scan per page
create index ix_licence_authority_id on licence (authority_code, id);

-- a usage message's declaration date, so that refused usage counts on its business date too
alter table customs_inbound add declaration_date date;
create index ix_customs_inbound_declared on customs_inbound (declaration_date, result);

create table reconciliation_licence (
    business_date       date                not null,
    licence_id          number(19)          not null references licence (id),
    licence_number      varchar2(10 char)   not null,
    authority_code      varchar2(40 char)   not null,
    uses                number(10)          not null,
    fully_used          number(1)           not null,
    outcome             varchar2(12 char)   not null,
    execution_id        number(19)          not null,
    reconciled_at_utc   timestamp           not null,
    primary key (business_date, licence_id)
);
create index ix_reconciliation_licence_authority on reconciliation_licence (authority_code, business_date);

create table reconciliation_line (
    business_date       date                not null,
    licence_id          number(19)          not null,
    line_number         number(10)          not null,
    licensed            number(18, 5)       not null,
    used                number(18, 5)       not null,
    remaining           number(18, 5)       not null,
    primary key (business_date, licence_id, line_number),
    foreign key (business_date, licence_id) references reconciliation_licence (business_date, licence_id)
);

create sequence reconciliation_anomaly_seq start with 50 increment by 50;

create table reconciliation_anomaly (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    business_date       date                not null,
    licence_number      varchar2(10 char)   not null,
    authority_code      varchar2(40 char)   not null,
    anomaly_type        varchar2(20 char)   not null,
    -- '-' (V29) and 0 where a finding names no declaration or line: the natural key has no nulls
    declaration_number  varchar2(18 char)   not null,
    line_number         number(10)          not null,
    evidence            varchar2(500 char)  not null,
    state               varchar2(12 char)   not null,
    note                varchar2(1000 char),
    handled_by          varchar2(32 char),
    handled_at_utc      timestamp,
    constraint uq_reconciliation_anomaly unique (business_date, licence_number, anomaly_type, declaration_number,
        line_number)
);
create index ix_reconciliation_anomaly_queue on reconciliation_anomaly (authority_code, state, business_date);
