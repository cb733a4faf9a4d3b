-- Certificates issued to accounts by the deployment CA: the e-key's TLS login certificate and
-- its SM2 seal certificate. Revocation keeps the row (with time and reason) for the CRL.

create sequence ekey_certificate_seq start with 50 increment by 50;

create table ekey_certificate (
    id                  bigint        not null primary key,
    version             bigint        not null,
    account_id          bigint        not null references account (id),
    enterprise_id       bigint        references enterprise (id),
    purpose             varchar(20)   not null,
    serial_hex          varchar(64)   not null,
    subject             varchar(400)  not null,
    not_before_utc      timestamp     not null,
    not_after_utc       timestamp     not null,
    revoked_at_utc      timestamp,
    revocation_reason   integer,
    encoded             varchar(4000) not null,
    -- Seal certificates only: the SM2 private key, PKCS#8 encrypted (PBES2, AES-256) under the
    -- deployment's CA password, used by the seal service after the holder signed in.
    sealed_key          varchar(4000),
    constraint uq_ekey_certificate_serial unique (serial_hex)
);
create index ix_ekey_certificate_account on ekey_certificate (account_id);
create index ix_ekey_certificate_enterprise on ekey_certificate (enterprise_id);
