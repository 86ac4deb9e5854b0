-- Payments pushed on anchor.spend by an anchor's finance system, by its own payment id: the same payment pushed again
-- counts once. Its line is in spend_line under the same key as a file's line would be (fingerprint, occurrence), so
-- a spend file holding it later counts it as already held.
create table spend_pushed (
    anchor_id   varchar(60)  not null,
    payment_id  varchar(100) not null,
    fingerprint uuid         not null,
    occurrence  int          not null,
    received_at timestamptz  not null default now(),
    primary key (anchor_id, payment_id)
);
create index spend_pushed_fingerprint on spend_pushed (anchor_id, fingerprint);
