-- Events as the issue names them (issue 11): who organises them, when they end, how many seats each organisation
-- may take, when registration closes, who attends, what they are about, and cancellation.
alter table event add column anchor varchar(60);
update event set anchor = 'unknown';
alter table event alter column anchor set not null;
alter table event add column description text;
alter table event alter column venue drop not null;
alter table event add column town varchar(60);
alter table event add column online_url varchar(500);
alter table event add column ends_at timestamptz;
update event set ends_at = starts_at + interval '2 hours';
alter table event alter column ends_at set not null;
alter table event add column seats_per_organisation integer not null default 2 check (seats_per_organisation > 0);
-- events from before (the walking skeleton's, organiser unknown): no more seats per organisation than the event has
update event set seats_per_organisation = least(2, capacity);
alter table event add column registration_closes_at timestamptz;
update event set registration_closes_at = starts_at;
alter table event alter column registration_closes_at set not null;
alter table event add column anchors text[] not null default '{}';
-- the organiser always attends
update event set anchors = array[anchor];
alter table event add column cpv_codes text[] not null default '{}';
alter table event add column pipeline_items uuid[] not null default '{}';
alter table event add column status varchar(20) not null default 'SCHEDULED';
alter table event add column cancellation_reason text;
alter table event add column cancelled_at timestamptz;
alter table event add column created_at timestamptz not null default now();
alter table event add column updated_at timestamptz not null default now();
-- Training completions are recorded once, after the session has ended (Completions).
alter table event add column completions_recorded_at timestamptz;
alter table event add constraint event_ends_after_start check (ends_at > starts_at);
drop index event_upcoming;
create index event_by_end on event (ends_at, starts_at);
create index event_training_to_complete on event (ends_at) where kind = 'TRAINING' and completions_recorded_at is null;

-- The seats of an event: the row every registration, cancellation and change of capacity locks, so that they take
-- turns (no overbooking, arrival order kept) without bumping the event's version (its ETag).
create table event_seats (
    event_id    uuid primary key references event (id),
    seats_taken integer not null default 0 check (seats_taken >= 0),
    arrivals    bigint  not null default 0
);
insert into event_seats (event_id) select id from event;

create table registration (
    id                uuid primary key,
    event_id          uuid         not null references event (id),
    supplier_id       uuid         not null,
    organisation_name varchar(300) not null,
    status            varchar(20)  not null,
    -- the order it arrived in (taken under the seats lock): the waitlist's order
    arrival           bigint       not null,
    seats             integer      not null check (seats > 0),
    attendees         jsonb        not null,
    check_in_code     varchar(12)  not null,
    registered_at     timestamptz  not null,
    registered_by     varchar(100) not null,
    confirmed_at      timestamptz,
    cancelled_at      timestamptz,
    attendance        varchar(20),
    checked_in_at     timestamptz,
    completed_at      timestamptz,
    version           bigint       not null default 0,
    unique (event_id, arrival),
    unique (event_id, check_in_code)
);
-- An organisation registers once for an event (again only after cancelling).
create unique index registration_once on registration (event_id, supplier_id) where status <> 'CANCELLED';
create index registration_queue on registration (event_id, status, arrival);
create index registration_of_supplier on registration (supplier_id);

-- Suppliers as learnt from anchor.suppliers, and who acts for them.
create table known_supplier (
    supplier_id uuid primary key,
    legal_name  varchar(300) not null,
    status      varchar(20),
    cpv_codes   text[]       not null default '{}',
    erased_at   timestamptz,
    updated_at  timestamptz  not null
);
create table supplier_member (
    subject     varchar(100) primary key,
    supplier_id uuid not null
);
create index supplier_member_of on supplier_member (supplier_id);

-- Anchors as learnt from anchor.anchors.
create table known_anchor (
    anchor_id  varchar(60) primary key,
    name       varchar(300) not null,
    type       varchar(20)  not null,
    updated_at timestamptz  not null
);
