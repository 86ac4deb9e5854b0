-- Names and postcodes follow SupplierUpdated; SupplierErased anonymises them and marks the row, which stays so
-- that spend paid to the supplier keeps counting.
alter table known_supplier
    alter column postcode type varchar(10),
    add column erased_at timestamptz;
