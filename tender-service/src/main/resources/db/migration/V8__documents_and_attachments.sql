-- A tender's documents (public once it is published) and bids' attachments (sealed like the bids: name, type and
-- bytes encrypted with the bid key, bound to their bid and their own id, the name and type apart from the bytes so a
-- list opens no file; only the size is plain).
create table tender_document (
    id           uuid primary key,
    tender_id    uuid         not null references tender (id),
    name         varchar(200) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    reason       text,
    added_by     varchar(100) not null,
    added_at     timestamptz  not null
);
create index tender_document_by_tender on tender_document (tender_id, added_at, id);

create table bid_attachment (
    id          uuid primary key,
    tender_id   uuid         not null references tender (id),
    lot_id      uuid         not null references tender_lot (id),
    supplier_id uuid         not null,
    -- a bid's files go with it (withdrawn: deleted with it, whatever races)
    bid_id      uuid         not null references bid (id) on delete cascade,
    key_id      varchar(40)  not null,
    sealed_meta bytea        not null,
    sealed      bytea        not null,
    size        bigint       not null,
    added_at    timestamptz  not null
);
create index bid_attachment_by_bid on bid_attachment (lot_id, supplier_id, added_at, id);
create index bid_attachment_by_key on bid_attachment (key_id);
