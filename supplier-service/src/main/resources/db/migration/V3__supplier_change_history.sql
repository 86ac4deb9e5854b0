-- Every change to a supplier's profile or status: who, when, and what (a JSON array of {field, from, to}).
create table supplier_change (
    id          bigint generated always as identity primary key,
    supplier_id uuid         not null references supplier (id) on delete cascade,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null,
    changes     text         not null
);
create index supplier_change_by_supplier on supplier_change (supplier_id, changed_at desc);
