-- A value sealed with each bid key when it is first used: at every start the configured key of that name must open it,
-- so a key changed by mistake (a new key under an old name) stops the service before any bid goes unreadable.
create table bid_key_check (
    key_id     varchar(40) primary key,
    sealed     bytea       not null,
    created_at timestamptz not null
);
