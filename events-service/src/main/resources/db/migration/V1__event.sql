create table event (
    id           uuid primary key,
    title        varchar(200) not null,
    kind         varchar(20)  not null,
    starts_at    timestamptz  not null,
    venue        varchar(200) not null,
    capacity     integer      not null check (capacity > 0),
    scheduled_by varchar(100) not null,
    version      bigint       not null default 0
);
create index event_upcoming on event (starts_at);
