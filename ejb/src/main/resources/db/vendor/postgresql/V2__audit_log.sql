-- Audit log: append-only, hash-chained. Each row's hash covers its content and the previous
-- row's hash, so changing or removing any row breaks the chain from there on.

create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id              bigint         not null primary key,
    chain_position  bigint         not null,
    occurred_at_utc timestamp      not null,
    actor           varchar(100)   not null,
    action          varchar(60)    not null,
    subject_type    varchar(60),
    subject_id      varchar(100),
    details         varchar(4000),
    source_address  varchar(64),
    previous_hash   varchar(64)    not null,
    hash            varchar(64)    not null,
    constraint uq_audit_event_position unique (chain_position)
);
create index ix_audit_event_time on audit_event (occurred_at_utc);
create index ix_audit_event_actor on audit_event (actor);
create index ix_audit_event_subject on audit_event (subject_type, subject_id);

-- The head of the chain: locked by each append so positions and hashes stay in order.
create table audit_chain_head (
    id              integer        not null primary key,
    last_position   bigint         not null,
    last_hash       varchar(64)    not null
);
-- Genesis hash: SHA-256 of the UTF-8 text "xuke audit log".
insert into audit_chain_head (id, last_position, last_hash)
values (1, 0, '62d74a05a801810298f62573df870d1ecbde083a7819473ef6f34039aa10ae01');
