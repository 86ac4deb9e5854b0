-- Suppliers as learnt from the suppliers topic (never from supplier-service's tables).
create table known_supplier (
    supplier_id   uuid primary key,
    legal_name    varchar(200) not null,
    postcode      varchar(8)   not null,
    registered_at timestamptz  not null
);
