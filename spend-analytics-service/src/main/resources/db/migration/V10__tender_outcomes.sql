-- What tender-service tells of its tenders (anchor.tenders): the contracts awarded, counted as committed spend and
-- kept apart from payments, and the organisations that bid, for the funnel (learnt when a tender closes, never
-- while its bids are open).
create table awarded_contract (
    contract_id    uuid primary key,
    tender_id      uuid          not null,
    lot_id         uuid          not null,
    anchor_id      varchar(60)   not null,
    supplier_id    uuid          not null,
    value          numeric(15, 2) not null,
    cpv_codes      text[]        not null default '{}',
    reservation    varchar(40),
    contract_start date,
    contract_end   date,
    awarded_at     timestamptz   not null
);
create index awarded_contract_by_anchor on awarded_contract (anchor_id, awarded_at);
create index awarded_contract_by_award on awarded_contract (awarded_at);

-- One row per organisation and lot it bid for, as the bids stood when the tender closed (TenderClosed).
create table tender_bidder (
    lot_id      uuid        not null,
    supplier_id uuid        not null,
    tender_id   uuid        not null,
    anchor_id   varchar(60) not null,
    closed_at   timestamptz not null,
    primary key (lot_id, supplier_id)
);
create index tender_bidder_by_time on tender_bidder (closed_at);
