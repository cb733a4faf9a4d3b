-- Customs messaging (issue 16). The outbox: one row per licence message, written in the transaction
-- that changes the licence (nothing for a rolled-back change), sent to the JMS queue afterwards by
-- the dispatcher in id order (order per licence kept), marked sent once the broker has it. A server
-- that dies between commit and send sends on restart; one that dies between send and mark sends
-- again, and customs drops the repeat by its message id.
create sequence customs_outbox_seq start with 50 increment by 50;
create table customs_outbox (
    id                  bigint          not null primary key,
    message_id          varchar(36)     not null,
    licence_id          bigint          not null references licence (id),
    licence_number      varchar(10)     not null,
    licence_version     integer         not null,
    action              varchar(6)      not null,
    body                text            not null,
    created_at_utc      timestamp       not null,
    sent_at_utc         timestamp,
    attempts            integer         default 0 not null,
    last_error          varchar(500),
    constraint customs_outbox_message unique (message_id),
    constraint customs_outbox_version unique (licence_number, licence_version)
);
-- the dispatcher's question: what is not sent yet, oldest first
create index customs_outbox_pending on customs_outbox (id) where sent_at_utc is null;

-- Where each licence stands at customs (海关状态), with the version last sent and the reason of a refusal.
create table customs_licence (
    licence_id          bigint          not null primary key references licence (id),
    licence_number      varchar(10)     not null,
    last_version        integer         not null,
    status              varchar(20)     not null,
    status_at_utc       timestamp       not null,
    reason_code         varchar(32),
    reason_text         varchar(500),
    constraint customs_licence_number unique (licence_number)
);
