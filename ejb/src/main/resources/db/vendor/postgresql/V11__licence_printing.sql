-- Printing and public verification of export licences (issue 5).

-- The short code printed beside the QR code: with the licence number it opens the public
-- verification page. The licence's own standing: issued, deleted (删证) or written off (核销);
-- "expired" follows from the validity end and is not stored.
alter table export_licence add column verification_code varchar(8);
alter table export_licence add column status varchar(16) default 'ISSUED' not null;

-- Paper copies printed by an officer at the enterprise's request: who, when, which copy.
create sequence licence_print_seq start with 50 increment by 50;
create table licence_print (
    id                  bigint          not null primary key,
    licence_id          bigint          not null references export_licence (id),
    copy_number         integer         not null,
    reprint             boolean         not null,
    printed_by          varchar(32)     not null,
    printed_at_utc      timestamp       not null,
    constraint uq_licence_print_copy unique (licence_id, copy_number)
);

-- Each issuing authority's document-signing key (ECDSA P-256, certificate under the deployment
-- root) for the PDF signature of electronic licences; the key is encrypted with the deployment secret.
create table authority_signing_key (
    authority_code      varchar(40)     not null primary key,
    certificate_der     text            not null,
    sealed_key          text            not null,
    created_at_utc      timestamp       not null
);
