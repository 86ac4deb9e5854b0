-- Colleagues invited by email to join an organisation; the assisted registration's contact is invited to take it
-- over. Only a SHA-256 hash of the one-time code is stored.
create table supplier_invitation (
    id          uuid         primary key,
    supplier_id uuid         not null references supplier (id) on delete cascade,
    email       varchar(200) not null,
    code_hash   varchar(64)  not null unique,
    invited_by  varchar(100) not null,
    invited_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    accepted_by varchar(100),
    accepted_at timestamptz
);
create index supplier_invitation_supplier on supplier_invitation (supplier_id, invited_at desc);
