-- E-key requests (seed 004) and their recorded steps.

create sequence ekey_request_seq start with 50 increment by 50;

create table ekey_request (
    id                  bigint        not null primary key,
    version             bigint        not null,
    request_number      varchar(20)   not null,
    request_type        varchar(30)   not null,
    state               varchar(20)   not null,
    enterprise_id       bigint        not null references enterprise (id),
    username            varchar(32)   not null,
    reason              varchar(500),
    new_uscc            varchar(18),
    created_by          varchar(32)   not null,
    created_at_utc      timestamp     not null,
    constraint uq_ekey_request_number unique (request_number)
);
create index ix_ekey_request_enterprise on ekey_request (enterprise_id, state);

create table ekey_request_step (
    request_id          bigint        not null references ekey_request (id),
    step_no             integer       not null,
    actor               varchar(32)   not null,
    at_utc              timestamp     not null,
    from_state          varchar(20)   not null,
    to_state            varchar(20)   not null,
    opinion             varchar(1000),
    constraint pk_ekey_request_step primary key (request_id, step_no)
);
