-- Customs messaging, the way in (issue 16): every receipt and usage message customs sent, by its
-- message id (the key of idempotence: a message applied once is a duplicate after), with what
-- became of it; the declarations made against licences; and per licence line the cumulative
-- quantity customs reports (its own running total: kept, never summed).
create table customs_inbound (
    message_id          varchar(36)     not null primary key,
    kind                varchar(8)      not null,
    licence_number      varchar(10),
    received_at_utc     timestamp       not null,
    result              varchar(9)      not null,
    duplicates          integer         default 0 not null,
    reason              varchar(20),
    detail              varchar(500)
);
create index customs_inbound_licence on customs_inbound (licence_number);

create table customs_declaration (
    declaration_number  varchar(18)     not null,
    licence_id          bigint          not null references licence (id),
    port_code           varchar(4)      not null,
    declaration_date    date            not null,
    state               varchar(8)      not null,
    updated_at_utc      timestamp       not null,
    primary key (declaration_number, licence_id)
);
create index customs_declaration_licence on customs_declaration (licence_id);

create table customs_declaration_line (
    declaration_number  varchar(18)     not null,
    licence_id          bigint          not null,
    line_number         integer         not null,
    quantity            numeric(18, 5)  not null,
    primary key (declaration_number, licence_id, line_number),
    foreign key (declaration_number, licence_id) references customs_declaration (declaration_number, licence_id)
);

create table customs_line_usage (
    licence_id          bigint          not null references licence (id),
    line_number         integer         not null,
    cumulative_quantity numeric(18, 5)  not null,
    updated_at_utc      timestamp       not null,
    primary key (licence_id, line_number)
);
