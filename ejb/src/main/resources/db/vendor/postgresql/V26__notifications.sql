-- Notifications (issue 18): a notice per user concerned, written in the transaction of the decision
-- that caused it; e-mail and SMS leave through a transactional outbox (notification_delivery).

-- where a user wants his notices sent (he types them on 消息设置)
alter table account add column email varchar(254);
alter table account add column mobile varchar(20);

create table notification (
    id                  bigserial       primary key,
    account_id          bigint          not null references account (id),
    kind                varchar(40)     not null,
    record_type         varchar(30)     not null,
    record_id           bigint          not null,
    record_label        varchar(60)     not null,
    detail              varchar(500),
    -- a notice a timer writes (expiry, deadlines) once per recipient and key, however often it runs
    once_key            varchar(120),
    created_at_utc      timestamp       not null,
    read_at_utc         timestamp
);
create index ix_notification_account on notification (account_id, created_at_utc desc, id desc);
-- the officers of an authority whom new work and deadlines concern
create index ix_account_authority on account (authority_code);
create index ix_notification_unread on notification (account_id) where read_at_utc is null;
create index ix_notification_created on notification (created_at_utc);
create unique index ux_notification_once on notification (account_id, once_key) where once_key is not null;

-- what a user subscribed to: kind by channel (EMAIL, SMS); nothing is sent unless subscribed
create table notification_subscription (
    account_id          bigint          not null references account (id),
    kind                varchar(40)     not null,
    channel             varchar(10)     not null,
    primary key (account_id, kind, channel)
);

-- the outbox: written with the notice, sent after commit by one claimant at a time, retried with backoff
create table notification_delivery (
    id                  bigserial       primary key,
    notification_id     bigint          not null references notification (id) on delete cascade,
    channel             varchar(10)     not null,
    address             varchar(254)    not null,
    subject             varchar(200)    not null,
    body                varchar(4000)   not null,
    created_at_utc      timestamp       not null,
    attempts            integer         not null default 0,
    next_attempt_utc    timestamp       not null,
    sent_at_utc         timestamp,
    last_error          varchar(500)
);
create index ix_notification_delivery_due on notification_delivery (next_attempt_utc) where sent_at_utc is null;
create index ix_notification_delivery_notice on notification_delivery (notification_id);
