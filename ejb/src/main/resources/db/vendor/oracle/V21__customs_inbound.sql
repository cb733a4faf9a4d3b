-- Customs messaging, the way in (issue 16): every receipt and usage message customs sent, by its
-- message id (the key of idempotence: a message applied once is a duplicate after), with what
-- became of it; the declarations made against licences; and per licence line the cumulative
-- quantity customs reports (its own running total: kept, never summed).
create table customs_inbound (
    message_id          varchar2(36 char)   not null primary key,
    kind                varchar2(8 char)    not null,
    licence_number      varchar2(10 char),
    received_at_utc     timestamp           not null,
    result              varchar2(9 char)    not null,
    duplicates          number(10)          default 0 not null,
    reason              varchar2(20 char),
    detail              varchar2(500 char)
);
create index customs_inbound_licence on customs_inbound (licence_number);

create table customs_declaration (
    declaration_number  varchar2(18 char)   not null,
    licence_id          number(19)          not null references licence (id),
    port_code           varchar2(4 char)    not null,
    declaration_date    date                not null,
    state               varchar2(8 char)    not null,
    updated_at_utc      timestamp           not null,
    primary key (declaration_number, licence_id)
);
create index customs_declaration_licence on customs_declaration (licence_id);

create table customs_declaration_line (
    declaration_number  varchar2(18 char)   not null,
    licence_id          number(19)          not null,
    line_number         number(10)          not null,
    quantity            number(18, 5)       not null,
    primary key (declaration_number, licence_id, line_number),
    foreign key (declaration_number, licence_id) references customs_declaration (declaration_number, licence_id)
);

create table customs_line_usage (
    licence_id          number(19)          not null references licence (id),
    line_number         number(10)          not null,
    cumulative_quantity number(18, 5)       not null,
    updated_at_utc      timestamp           not null,
    primary key (licence_id, line_number)
);
