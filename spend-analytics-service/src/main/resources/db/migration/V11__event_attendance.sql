-- What events-service tells of its events (anchor.engagement): who came, for the funnel's attended stage. One row per
-- registration and anchor at the event (the organiser and every anchor attending: the people who came could meet each
-- of them), as its attendance last stood: a no-show who arrives late and checks in becomes attended.
create table event_attendance (
    registration_id uuid        not null,
    anchor_id       varchar(60) not null,
    event_id        uuid        not null,
    supplier_id     uuid        not null,
    event_kind      varchar(40) not null,
    attended        boolean     not null,
    recorded_at     timestamptz not null,
    primary key (registration_id, anchor_id)
);
create index event_attendance_by_time on event_attendance (recorded_at) where attended;
