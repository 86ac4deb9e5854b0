-- What each supplier does (CPV codes, from its messages): leakage names local suppliers working in a category.
alter table known_supplier add column cpv_codes text[] not null default '{}';
create index known_supplier_cpv on known_supplier using gin (cpv_codes);
