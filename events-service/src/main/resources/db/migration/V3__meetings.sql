-- 1:1 meetings (issue 11): buyers' tables of slots at an event, suppliers' requests, buyers' decisions.
create table meeting_table (
    id           uuid primary key,
    event_id     uuid         not null references event (id),
    anchor       varchar(60)  not null,
    host         varchar(200) not null,
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    slot_minutes integer      not null check (slot_minutes between 5 and 120),
    opened_by    varchar(100) not null,
    opened_at    timestamptz  not null,
    check (ends_at > starts_at)
);
create index meeting_table_of_event on meeting_table (event_id, anchor, starts_at);

create table slot (
    id        uuid primary key,
    table_id  uuid        not null references meeting_table (id),
    event_id  uuid        not null references event (id),
    starts_at timestamptz not null,
    ends_at   timestamptz not null
);
create index slot_of_event on slot (event_id, starts_at);

create table meeting (
    id                uuid primary key,
    event_id          uuid         not null references event (id),
    slot_id           uuid         not null references slot (id),
    table_id          uuid         not null references meeting_table (id),
    anchor            varchar(60)  not null,
    supplier_id       uuid         not null,
    registration_id   uuid         not null references registration (id),
    organisation_name varchar(300) not null,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    status            varchar(20)  not null,
    agenda            text,
    note              text,
    requested_at      timestamptz  not null,
    requested_by      varchar(100) not null,
    decided_at        timestamptz,
    decided_by        varchar(100),
    version           bigint       not null default 0
);
-- A slot holds one supplier: one meeting asked or agreed per slot, whatever races.
create unique index meeting_one_per_slot on meeting (slot_id) where status in ('REQUESTED', 'ACCEPTED');
create index meeting_of_supplier on meeting (supplier_id, starts_at) where status in ('REQUESTED', 'ACCEPTED');
create index meeting_of_event on meeting (event_id, anchor, starts_at);
