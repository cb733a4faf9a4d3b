-- After issue (issue 17): a licence ends by expiry, deletion (删证) or write-off (核销), each recorded
-- with who and what ended it; the bureau's choice to give back the unused quota of expired licences
-- by itself; and the enterprise's requests to delete or write off a licence, one per licence.
alter table licence add column ended_at_utc timestamp;
alter table licence add column ended_by varchar(32);
alter table licence add column ended_by_reference varchar(40);
create index ix_licence_status_validity on licence (status, validity_end);

alter table cat_issuing_authority add column quota_return_on_expiry boolean default false not null;

create sequence closure_request_seq start with 50 increment by 50;

create table closure_request (
    id                  bigint          not null primary key,
    version             bigint          not null,
    kind                varchar(10)     not null,
    state               varchar(10)     not null,
    licence_id          bigint          not null references licence (id),
    licence_number      varchar(10)     not null,
    enterprise_id       bigint          not null references enterprise (id),
    authority_code      varchar(40)     not null,
    licence_issued_at_utc timestamp     not null,
    created_by          varchar(32)     not null,
    department          varchar(100),
    reason              varchar(500),
    created_at_utc      timestamp       not null,
    submitted_at_utc    timestamp,
    decided_by          varchar(32),
    decided_at_utc      timestamp,
    opinion             varchar(1000),
    -- one request per licence: a second one (of either kind) is refused, also when two arrive at once
    constraint uq_closure_request_licence unique (licence_id)
);
create index ix_closure_request_enterprise on closure_request (enterprise_id, kind, state);
create index ix_closure_request_authority on closure_request (authority_code, kind, state, submitted_at_utc);

-- 核销: the quantity the enterprise states per licence line (it must agree with customs' usage)
create table closure_request_line (
    request_id          bigint          not null references closure_request (id) on delete cascade,
    line_number         integer         not null,
    quantity            numeric(18, 5)  not null,
    constraint pk_closure_request_line primary key (request_id, line_number)
);

-- every step of a request (saved, submitted, returned, approved) with the actor and the opinion
create table closure_request_step (
    request_id          bigint          not null references closure_request (id) on delete cascade,
    step_no             integer         not null,
    actor               varchar(32)     not null,
    at_utc              timestamp       not null,
    from_state          varchar(10),
    to_state            varchar(10)     not null,
    opinion             varchar(1000),
    constraint pk_closure_request_step primary key (request_id, step_no)
);
