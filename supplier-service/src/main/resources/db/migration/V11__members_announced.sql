-- Supplier messages name the organisation's members since 0.3.0. Organisations registered before are announced once
-- more (SupplierUpdated, changedFields ["members"]) at the next start, so tenders and events learn who acts for them.
alter table supplier add column members_announced boolean not null default false;
