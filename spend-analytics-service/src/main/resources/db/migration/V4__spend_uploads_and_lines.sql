-- Spend files uploaded for an anchor, read after the upload is answered (202). The file itself is kept in parts until
-- it has been read, so an upload accepted survives a restart: whichever instance holds its lease reads it, and goes
-- on from the line where the last one stopped.
create table spend_upload (
    upload_id       uuid          primary key,
    anchor_id       varchar(60)   not null,
    uploaded_by     varchar(200)  not null,
    uploaded_at     timestamptz   not null,
    size_bytes      bigint        not null,
    encoding        varchar(20)   not null,
    -- column -> header as the uploader named it, for an odd file
    overrides       jsonb         not null,
    -- column -> header each recognised column was found under
    columns_found   jsonb         not null,
    status          varchar(10)   not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_read       bigint        not null default 0,
    rows_accepted   bigint        not null default 0,
    rows_duplicate  bigint        not null default 0,
    rows_rejected   bigint        not null default 0,
    amount_accepted numeric(17,2) not null default 0,
    complete        boolean,
    failure         varchar(1000),
    finished_at     timestamptz,
    -- Who reads it: the instance holding an unexpired lease; a lease left to expire is taken over.
    lease_owner     uuid,
    lease_until     timestamptz,
    attempts        int           not null default 0
);
create index spend_upload_running on spend_upload (uploaded_at) where status = 'RUNNING';
create index spend_upload_by_anchor on spend_upload (anchor_id, uploaded_at desc);

create table spend_upload_part (
    upload_id uuid  not null references spend_upload (upload_id) on delete cascade,
    seq       int   not null,
    bytes     bytea not null,
    primary key (upload_id, seq)
);

create table spend_upload_rejection (
    upload_id uuid          not null references spend_upload (upload_id) on delete cascade,
    line      bigint        not null,
    reason    varchar(1000) not null,
    primary key (upload_id, line)
);

-- One payment an anchor made. Its key is the anchor, a fingerprint of what the line says (date, amount, payee,
-- transaction; docs/spend.md) and which occurrence of that fingerprint it is in its file: loading the same payments
-- again finds them already here, while two identical lines in one file (split invoices) are two payments.
create table spend_line (
    anchor_id         varchar(60)   not null,
    fingerprint       uuid          not null,
    occurrence        int           not null,
    upload_id         uuid,
    line              bigint,
    payment_date      date          not null,
    amount            numeric(15,2) not null,
    -- null when the file withheld the name (personal data): counted, never named
    payee_name        varchar(300),
    -- the name normalised for matching to a registered supplier (PayeeNames)
    payee_key         varchar(300),
    supplier_ref      varchar(100),
    transaction_ref   varchar(100),
    service_area      varchar(300),
    category          varchar(300),
    irrecoverable_vat numeric(15,2),
    company_number    varchar(20),
    charity_number    varchar(20),
    primary key (anchor_id, fingerprint, occurrence)
);
create index spend_line_by_date on spend_line (payment_date, anchor_id);
create index spend_line_by_payee on spend_line (payee_key) where payee_key is not null;
