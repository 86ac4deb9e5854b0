-- The recorded changes as JSON the database knows (Hibernate maps the column to the entity's list of changes).
alter table supplier_change alter column changes type jsonb using changes::jsonb;
