-- Audit log: append-only, hash-chained. Each row's hash covers its content and the previous
-- row's hash, so changing or removing any row breaks the chain from there on.

create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id                  number(19)          not null primary key,
    chain_position      number(19)          not null,
    occurred_at_utc     timestamp           not null,
    actor               varchar2(100 char)  not null,
    action              varchar2(60 char)   not null,
    subject_type        varchar2(60 char),
    subject_id          varchar2(100 char),
    details             varchar2(4000 char),
    source_address      varchar2(64 char),
    previous_hash       varchar2(64 char)   not null,
    hash                varchar2(64 char)   not null,
    constraint uq_audit_event_position unique (chain_position)
);
create index ix_audit_event_time on audit_event (occurred_at_utc);
create index ix_audit_event_actor on audit_event (actor);
create index ix_audit_event_subject on audit_event (subject_type, subject_id);

-- The head of the chain: locked by each append so positions and hashes stay in order.
create table audit_chain_head (
    id                  number(10)          not null primary key,
    last_position       number(19)          not null,
    last_hash           varchar2(64 char)   not null
);
-- Genesis hash: SHA-256 of the UTF-8 clob "xuke audit log".
insert into audit_chain_head (id, last_position, last_hash)
values (1, 0, '62d74a05a801810298f62573df870d1ecbde083a7819473ef6f34039aa10ae01');
