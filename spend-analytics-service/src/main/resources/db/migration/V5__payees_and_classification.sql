-- What matching needs of a supplier: its names as matching compares them (PayeeNames) and its numbers.
alter table known_supplier
    add column trading_name   varchar(200),
    add column company_number varchar(10),
    add column charity_number varchar(12),
    add column name_key       varchar(300),
    add column trading_key    varchar(300);
create index known_supplier_name_key on known_supplier (name_key);
create index known_supplier_trading_key on known_supplier (trading_key);
create index known_supplier_company on known_supplier (company_number);
create index known_supplier_charity on known_supplier (charity_number);

-- Each classification a supplier had, from when: spend is classified as its supplier stood on the payment date.
create table supplier_classification (
    supplier_id uuid        not null,
    valid_from  timestamptz not null,
    locality    varchar(20) not null,
    town        varchar(100),
    ward        varchar(100),
    size_band   varchar(10) not null,
    sme         boolean     not null,
    vcfse       boolean     not null,
    primary key (supplier_id, valid_from)
);

-- Everyone the anchors paid by name, once (across anchors), and the registered supplier it is, when known.
create table payee (
    payee_key      varchar(300) primary key,
    -- the name as first seen in a file
    display_name   varchar(300) not null,
    -- the parts of a "X t/a Y" name, matched too
    owner_key      varchar(300),
    trading_key    varchar(300),
    company_number varchar(20),
    charity_number varchar(20),
    supplier_id    uuid,
    -- COMPANY_NUMBER, CHARITY_NUMBER, NAME or MANUAL (an admin's mapping, never replaced by matching)
    matched_by     varchar(20),
    mapped_by      varchar(200),
    mapped_at      timestamptz
);
create index payee_supplier on payee (supplier_id);
create index payee_unmatched on payee (payee_key) where supplier_id is null;
create index payee_company on payee (company_number) where supplier_id is null and company_number is not null;
create index payee_charity on payee (charity_number) where supplier_id is null and charity_number is not null;
create index payee_owner on payee (owner_key) where supplier_id is null and owner_key is not null;
create index payee_trading on payee (trading_key) where supplier_id is null and trading_key is not null;
