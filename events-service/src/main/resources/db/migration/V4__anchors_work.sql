-- What each anchor is buying or plans to buy, from anchor.tenders: open tenders and forward plans not tendered yet.
-- Suggestions at events rank the attending buyers for a supplier by how well its categories match these.
create table anchor_work (
    id         uuid primary key,
    kind       varchar(20)  not null, -- TENDER or PIPELINE
    anchor     varchar(60)  not null,
    title      varchar(300) not null,
    cpv_codes  text[]       not null,
    open       boolean      not null,
    -- a plan's expected publication: one long overdue and never tendered no longer counts
    expected_publication date,
    updated_at timestamptz  not null
);
create index anchor_work_open on anchor_work (anchor) where open;
