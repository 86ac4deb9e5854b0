-- Open data: every public change of a tender is an OCDS 1.1 release, written in the change's transaction and never
-- changed afterwards (a full snapshot of the contracting process at that moment). The feed reads them in order.
create table ocds_release (
    seq bigint generated always as identity primary key,
    id text not null unique,
    ocid text not null,
    tender_id uuid not null references tender (id),
    released_at timestamptz not null,
    tags text[] not null,
    body jsonb not null
);

create index ocds_release_tender on ocds_release (tender_id, seq);
