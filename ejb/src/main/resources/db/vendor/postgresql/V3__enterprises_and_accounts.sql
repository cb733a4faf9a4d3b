-- Enterprises (申请企业信息) and the accounts of enterprise users, officers and administrators.

create sequence enterprise_seq start with 50 increment by 50;
create sequence account_seq start with 50 increment by 50;

create table enterprise (
    id                  bigint        not null primary key,
    version             bigint        not null,
    uscc                varchar(18)   not null,
    enterprise_code     varchar(13),
    name                varchar(200)  not null,
    address             varchar(400),
    contact_name        varchar(100),
    contact_phone       varchar(40),
    authority_code      varchar(40)   not null,
    filing_number       varchar(40),
    constraint uq_enterprise_uscc unique (uscc)
);
create index ix_enterprise_authority on enterprise (authority_code);

create table account (
    id                  bigint        not null primary key,
    version             bigint        not null,
    username            varchar(32)   not null,
    display_name        varchar(100)  not null,
    kind                varchar(20)   not null,
    enterprise_id       bigint        references enterprise (id),
    department          varchar(100),
    data_scope          varchar(20)   not null,
    authority_code      varchar(40),
    password_hash       varchar(200),
    must_change_password boolean      not null,
    failed_logins       integer       not null,
    locked_until_utc    timestamp,
    last_login_utc      timestamp,
    enabled             boolean       not null,
    constraint uq_account_username unique (username)
);
create index ix_account_enterprise on account (enterprise_id);

create table account_role (
    account_id          bigint        not null references account (id),
    role                varchar(40)   not null,
    constraint pk_account_role primary key (account_id, role)
);
