-- A sole trader's right to erasure: personal data removed or anonymised, the row (id, classification) kept.
alter table supplier
    add column erased_at timestamptz,
    alter column email drop not null;
