-- E-key requests as online workflows: the applicant's access code, who to contact, the
-- one-time collection of the resulting e-key, and the uploaded scans (content in V6_1, per vendor).

alter table ekey_request add column access_code_hash varchar(64);
alter table ekey_request add column applicant_name varchar(100);
alter table ekey_request add column applicant_phone varchar(40);
alter table ekey_request add column collected_at_utc timestamp;
alter table ekey_request add column certificate_serial varchar(64);
create index ix_ekey_request_state on ekey_request (state, created_at_utc);

create sequence ekey_scan_seq start with 50 increment by 50;

create table ekey_scan (
    id                  bigint        not null primary key,
    request_id          bigint        not null references ekey_request (id),
    kind                varchar(30)   not null,
    file_name           varchar(200)  not null,
    content_type        varchar(40)   not null,
    size_bytes          integer       not null,
    sha256              varchar(64)   not null,
    uploaded_at_utc     timestamp     not null,
    constraint uq_ekey_scan_kind unique (request_id, kind)
);

-- Request numbers EK<year><6 digits>; gaps are harmless here.
create sequence ekey_request_number_seq start with 1 increment by 1;
