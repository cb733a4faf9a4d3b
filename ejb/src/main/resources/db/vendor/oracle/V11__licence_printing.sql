-- Printing and public verification of export licences (issue 5).

-- The short code printed beside the QR code: with the licence number it opens the public
-- verification page. The licence's own standing: issued, deleted (删证) or written off (核销);
-- "expired" follows from the validity end and is not stored.
alter table export_licence add verification_code varchar2(8 char);
alter table export_licence add status varchar2(16 char) default 'ISSUED' not null;

-- Paper copies printed by an officer at the enterprise's request: who, when, which copy.
create sequence licence_print_seq start with 50 increment by 50;
create table licence_print (
    id                  number(19)          not null primary key,
    licence_id          number(19)          not null references export_licence (id),
    copy_number         number(10)          not null,
    reprint             number(1)           not null,
    printed_by          varchar2(32 char)   not null,
    printed_at_utc      timestamp           not null,
    constraint uq_licence_print_copy unique (licence_id, copy_number)
);

-- Each issuing authority's document-signing key (ECDSA P-256, certificate under the deployment
-- root) for the PDF signature of electronic licences; the key is encrypted with the deployment secret.
create table authority_signing_key (
    authority_code      varchar2(40 char)   not null primary key,
    certificate_der     varchar2(4000 char) not null,
    sealed_key          varchar2(4000 char) not null,
    created_at_utc      timestamp           not null
);
