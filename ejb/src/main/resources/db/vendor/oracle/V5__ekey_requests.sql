-- E-key requests (seed 004) and their recorded steps.

create sequence ekey_request_seq start with 50 increment by 50;

create table ekey_request (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    request_number      varchar2(20 char)   not null,
    request_type        varchar2(30 char)   not null,
    state               varchar2(20 char)   not null,
    enterprise_id       number(19)          not null references enterprise (id),
    username            varchar2(32 char)   not null,
    reason              varchar2(500 char),
    new_uscc            varchar2(18 char),
    created_by          varchar2(32 char)   not null,
    created_at_utc      timestamp           not null,
    constraint uq_ekey_request_number unique (request_number)
);
create index ix_ekey_request_enterprise on ekey_request (enterprise_id, state);

create table ekey_request_step (
    request_id          number(19)          not null references ekey_request (id),
    step_no             number(10)          not null,
    actor               varchar2(32 char)   not null,
    at_utc              timestamp           not null,
    from_state          varchar2(20 char)   not null,
    to_state            varchar2(20 char)   not null,
    opinion             varchar2(1000 char),
    constraint pk_ekey_request_step primary key (request_id, step_no)
);
