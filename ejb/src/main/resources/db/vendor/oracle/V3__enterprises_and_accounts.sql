-- Enterprises (申请企业信息) and the accounts of enterprise users, officers and administrators.

create sequence enterprise_seq start with 50 increment by 50;
create sequence account_seq start with 50 increment by 50;

create table enterprise (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    uscc                varchar2(18 char)   not null,
    enterprise_code     varchar2(13 char),
    name                varchar2(200 char)  not null,
    address             varchar2(400 char),
    contact_name        varchar2(100 char),
    contact_phone       varchar2(40 char),
    authority_code      varchar2(40 char)   not null,
    filing_number       varchar2(40 char),
    constraint uq_enterprise_uscc unique (uscc)
);
create index ix_enterprise_authority on enterprise (authority_code);

create table account (
    id                  number(19)          not null primary key,
    version             number(19)          not null,
    username            varchar2(32 char)   not null,
    display_name        varchar2(100 char)  not null,
    kind                varchar2(20 char)   not null,
    enterprise_id       number(19)          references enterprise (id),
    department          varchar2(100 char),
    data_scope          varchar2(20 char)   not null,
    authority_code      varchar2(40 char),
    password_hash       varchar2(200 char),
    must_change_password number(1)           not null,
    failed_logins       number(10)          not null,
    locked_until_utc    timestamp,
    last_login_utc      timestamp,
    enabled             number(1)           not null,
    constraint uq_account_username unique (username)
);
create index ix_account_enterprise on account (enterprise_id);

create table account_role (
    account_id          number(19)          not null references account (id),
    role                varchar2(40 char)   not null,
    constraint pk_account_role primary key (account_id, role)
);
