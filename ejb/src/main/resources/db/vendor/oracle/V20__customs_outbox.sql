-- Customs messaging (issue 16). The outbox: one row per licence message, written in the transaction
-- that changes the licence (nothing for a rolled-back change), sent to the JMS queue afterwards by
-- the dispatcher in id order (order per licence kept), marked sent once the broker has it. A server
-- that dies between commit and send sends on restart; one that dies between send and mark sends
-- again, and customs drops the repeat by its message id.
create sequence customs_outbox_seq start with 50 increment by 50;
create table customs_outbox (
    id                  number(19)          not null primary key,
    message_id          varchar2(36 char)   not null,
    licence_id          number(19)          not null references licence (id),
    licence_number      varchar2(10 char)   not null,
    licence_version     number(10)          not null,
    action              varchar2(6 char)    not null,
    body                clob                not null,
    created_at_utc      timestamp           not null,
    sent_at_utc         timestamp,
    attempts            number(10)          default 0 not null,
    last_error          varchar2(500 char),
    constraint customs_outbox_message unique (message_id),
    constraint customs_outbox_version unique (licence_number, licence_version)
);
-- the dispatcher's question: what is not sent yet, oldest first
-- (Oracle has no partial index: sent_at_utc first, so the unsent rows are one range of the index)
create index customs_outbox_pending on customs_outbox (sent_at_utc, id);

-- Where each licence stands at customs (海关状态), with the version last sent and the reason of a refusal.
create table customs_licence (
    licence_id          number(19)          not null primary key references licence (id),
    licence_number      varchar2(10 char)   not null,
    last_version        number(10)          not null,
    status              varchar2(20 char)   not null,
    status_at_utc       timestamp           not null,
    reason_code         varchar2(32 char),
    reason_text         varchar2(500 char),
    constraint customs_licence_number unique (licence_number)
);
