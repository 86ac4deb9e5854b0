-- Chassis tables, in every service's own database. Versions 0.x belong to the chassis; services start at 1.

-- Transactional outbox: written in the same transaction as the change it announces; published by the relay.
create table outbox_message (
    seq          bigint generated always as identity primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    type         varchar(200) not null,
    source       varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_message_unpublished on outbox_message (seq) where published_at is null;

-- Idempotent consumers: a message id is recorded in the same transaction as the effect of the message.
create table processed_message (
    consumer     varchar(200) not null,
    message_id   varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, message_id)
);
