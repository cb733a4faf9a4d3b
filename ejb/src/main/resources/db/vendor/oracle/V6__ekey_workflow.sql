-- E-key requests as online workflows: the applicant's access code, who to contact, the
-- one-time collection of the resulting e-key, and the uploaded scans (content in V6_1, per vendor).

alter table ekey_request add access_code_hash varchar2(64 char);
alter table ekey_request add applicant_name varchar2(100 char);
alter table ekey_request add applicant_phone varchar2(40 char);
alter table ekey_request add collected_at_utc timestamp;
alter table ekey_request add certificate_serial varchar2(64 char);
create index ix_ekey_request_state on ekey_request (state, created_at_utc);

create sequence ekey_scan_seq start with 50 increment by 50;

create table ekey_scan (
    id                  number(19)          not null primary key,
    request_id          number(19)          not null references ekey_request (id),
    kind                varchar2(30 char)   not null,
    file_name           varchar2(200 char)  not null,
    content_type        varchar2(40 char)   not null,
    size_bytes          number(10)          not null,
    sha256              varchar2(64 char)   not null,
    uploaded_at_utc     timestamp           not null,
    constraint uq_ekey_scan_kind unique (request_id, kind)
);

-- Request numbers EK<year><6 digits>; gaps are harmless here.
create sequence ekey_request_number_seq start with 1 increment by 1;
