-- After issue (issue 17): a licence ends by expiry, deletion (删证) or write-off (核销), each recorded
-- with who and what ended it; the bureau's choice to give back the unused quota of expired licences
-- by itself; and the enterprise's requests to delete or write off a licence, one per licence.
alter table licence add ended_at_utc timestamp;
alter table licence add ended_by varchar2(32 char);
alter table licence add ended_by_reference varchar2(40 char);
create index ix_licence_status_validity on licence (status, validity_end);

alter table cat_issuing_authority add quota_return_on_expiry number(1) default 0 not null;

create sequence closure_request_seq start with 50 increment by 50;

create table closure_request (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    kind                varchar2(10 char)   not null,
    state               varchar2(10 char)   not null,
    licence_id          number(19)          not null references licence (id),
    licence_number      varchar2(10 char)   not null,
    enterprise_id       number(19)          not null references enterprise (id),
    authority_code      varchar2(40 char)   not null,
    licence_issued_at_utc timestamp           not null,
    created_by          varchar2(32 char)   not null,
    department          varchar2(100 char),
    reason              varchar2(500 char),
    created_at_utc      timestamp           not null,
    submitted_at_utc    timestamp,
    decided_by          varchar2(32 char),
    decided_at_utc      timestamp,
    opinion             varchar2(1000 char),
    -- one request per licence: a second one (of either kind) is refused, also when two arrive at once
    constraint uq_closure_request_licence unique (licence_id)
);
create index ix_closure_request_enterprise on closure_request (enterprise_id, kind, state);
create index ix_closure_request_authority on closure_request (authority_code, kind, state, submitted_at_utc);

-- 核销: the quantity the enterprise states per licence line (it must agree with customs' usage)
create table closure_request_line (
    request_id          number(19)          not null references closure_request (id) on delete cascade,
    line_number         number(10)          not null,
    quantity            number(18, 5)       not null,
    constraint pk_closure_request_line primary key (request_id, line_number)
);

-- every step of a request (saved, submitted, returned, approved) with the actor and the opinion
create table closure_request_step (
    request_id          number(19)          not null references closure_request (id) on delete cascade,
    step_no             number(10)          not null,
    actor               varchar2(32 char)   not null,
    at_utc              timestamp           not null,
    from_state          varchar2(10 char),
    to_state            varchar2(10 char)   not null,
    opinion             varchar2(1000 char),
    constraint pk_closure_request_step primary key (request_id, step_no)
);
