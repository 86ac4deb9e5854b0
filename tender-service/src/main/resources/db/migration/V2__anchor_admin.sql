-- Anchors are administered through the API (GET/POST/PATCH /api/anchors) and announced on anchor.anchors.
-- Their type is the kind of contracting authority the Procurement Act 2023 names (its thresholds differ by type).
alter table anchor add column type varchar(20);
update anchor set type = case kind
    when 'NHS_TRUST' then 'NHS'
    when 'HIGHER_EDUCATION' then 'OTHER'
    when 'HOUSING' then 'OTHER'
    else 'SUB_CENTRAL' end;
alter table anchor alter column type set not null;
alter table anchor add constraint anchor_type check (type in ('SUB_CENTRAL', 'CENTRAL', 'NHS', 'UTILITY', 'OTHER'));
alter table anchor drop column kind;
alter table anchor add column version bigint not null default 0;
alter table anchor add column created_at timestamptz not null default now();
alter table anchor add column updated_at timestamptz not null default now();
-- Anchors made before this migration (the seeded ones) are announced once, at the next start (AnchorRegistry).
alter table anchor add column announced boolean not null default false;
