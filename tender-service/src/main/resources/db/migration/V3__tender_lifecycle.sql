-- Tenders from draft to award: lots, clarification questions, sealed bids, scores, contracts and an audit log.
-- Tenders published before this migration keep their data: they become PUBLISHED tenders with one lot, their one
-- CPV code as a list, their reservation in the new terms (SME and VCFSE reservations are one: SME_VCFSE) and
-- default weights (price 60, quality 30, social value 10). Their deadline is also their clarification deadline.

alter table tender rename column closes_at to submission_deadline;
alter table tender add column clarification_deadline timestamptz;
update tender set clarification_deadline = submission_deadline;
alter table tender alter column clarification_deadline set not null;
alter table tender add constraint tender_deadlines check (clarification_deadline <= submission_deadline);

alter table tender add column cpv_codes text[] not null default '{}';
update tender set cpv_codes = array[cpv_code] where cpv_code is not null;
alter table tender drop column cpv_code;

alter table tender add column contract_type varchar(10) not null default 'SERVICES'
    check (contract_type in ('GOODS', 'SERVICES', 'WORKS'));
alter table tender add column procedure varchar(30) not null default 'OPEN'
    check (procedure in ('OPEN', 'REQUEST_FOR_QUOTATION'));
alter table tender add column estimated_value numeric(15, 2) not null default 0 check (estimated_value >= 0);
alter table tender add column weight_price integer not null default 60;
alter table tender add column weight_quality integer not null default 30;
alter table tender add column weight_social_value integer not null default 10;
alter table tender add constraint tender_weights check (weight_price >= 0 and weight_quality >= 0
    and weight_social_value >= 10 and weight_price + weight_quality + weight_social_value = 100);

alter table tender add column reservation varchar(20) not null default 'NONE'
    check (reservation in ('NONE', 'LOCAL', 'SME_VCFSE', 'LOCAL_SME_VCFSE'));
update tender set reservation = case reserved_for when 'LOCAL' then 'LOCAL' when 'SME' then 'SME_VCFSE'
    when 'VCFSE' then 'SME_VCFSE' else 'NONE' end;
alter table tender drop column reserved_for;

-- DRAFT, PUBLISHED, CLOSED (the deadline passed; written by the closer, read as closed from the deadline on),
-- AWARDED (every lot awarded), CANCELLED.
alter table tender add column status varchar(10) not null default 'PUBLISHED'
    check (status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED', 'CANCELLED'));
alter table tender alter column status drop default;
alter table tender rename column published_by to created_by;
alter table tender alter column published_at drop not null;
alter table tender add column created_at timestamptz;
update tender set created_at = published_at;
alter table tender alter column created_at set not null;
alter table tender add column cancellation_reason text;
alter table tender add column opened_at timestamptz;
alter table tender add column opened_by varchar(100);
drop index tender_open;
create index tender_by_status_deadline on tender (status, submission_deadline);

create table tender_lot (
    id              uuid primary key,
    tender_id       uuid         not null references tender (id),
    number          integer      not null check (number > 0),
    title           varchar(200) not null,
    estimated_value numeric(15, 2) check (estimated_value >= 0),
    cpv_codes       text[]       not null,
    unique (tender_id, number)
);
insert into tender_lot (id, tender_id, number, title, estimated_value, cpv_codes)
    select gen_random_uuid(), id, 1, title, null, cpv_codes from tender;

-- The suppliers this service knows (from anchor.suppliers) and who acts for each (its members' token subjects).
create table known_supplier (
    supplier_id uuid primary key,
    legal_name  varchar(300) not null,
    status      varchar(10),
    locality    varchar(30),
    town        varchar(100),
    sme         boolean      not null default false,
    vcfse       boolean      not null default false,
    cpv_codes   text[]       not null default '{}',
    erased_at   timestamptz,
    updated_at  timestamptz  not null
);
create table supplier_member (
    subject     varchar(100) primary key,
    supplier_id uuid not null references known_supplier (supplier_id)
);
create index supplier_member_by_supplier on supplier_member (supplier_id);

create table tender_question (
    id          uuid primary key,
    tender_id   uuid        not null references tender (id),
    supplier_id uuid        not null,
    asked_by    varchar(100) not null,
    text        text        not null,
    asked_at    timestamptz not null,
    answer      text,
    answered_by varchar(100),
    answered_at timestamptz
);
create index tender_question_by_tender on tender_question (tender_id, asked_at);

-- A bid's contents (price, quality response, social value commitments) are sealed: AES-256-GCM with a key held in
-- the service's configuration (never in this database), bound to the bid's tender, lot and supplier.
create table bid (
    id                 uuid primary key,
    tender_id          uuid         not null references tender (id),
    lot_id             uuid         not null references tender_lot (id),
    supplier_id        uuid         not null,
    submitted_by       varchar(100) not null,
    key_id             varchar(40)  not null,
    sealed             bytea        not null,
    submitted_at       timestamptz  not null,
    quality_score      numeric(5, 2) check (quality_score between 0 and 100),
    social_value_score numeric(5, 2) check (social_value_score between 0 and 100),
    scored_by          varchar(100),
    scored_at          timestamptz,
    unique (lot_id, supplier_id)
);
create index bid_by_tender on bid (tender_id);

create table contract (
    id             uuid primary key,
    tender_id      uuid          not null references tender (id),
    lot_id         uuid          not null unique references tender_lot (id),
    bid_id         uuid          not null,
    anchor_id      varchar(60)   not null,
    supplier_id    uuid          not null,
    supplier_name  varchar(300)  not null,
    title          varchar(420)  not null,
    value          numeric(15, 2) not null,
    cpv_codes      text[]        not null,
    reservation    varchar(20)   not null,
    contract_start date          not null,
    contract_end   date          not null check (contract_end >= contract_start),
    awarded_by     varchar(100)  not null,
    awarded_at     timestamptz   not null
);
create index contract_by_awarded on contract (awarded_at desc);

-- Every state change: who, when, what. Never updated or deleted.
create table tender_audit (
    id        bigint generated always as identity primary key,
    tender_id uuid         not null references tender (id),
    at        timestamptz  not null,
    actor     varchar(100) not null,
    action    varchar(40)  not null,
    detail    text
);
create index tender_audit_by_tender on tender_audit (tender_id, id);
insert into tender_audit (tender_id, at, actor, action, detail)
    select id, published_at, created_by, 'PUBLISHED', 'published before the audit log began' from tender;
