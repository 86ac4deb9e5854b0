-- The full registration (issue: one registration every anchor trusts) and the worked-out classification.
-- Rows registered before this version keep their data; what they never gave gets neutral defaults.
alter table supplier
    add column trading_name        varchar(200),
    add column organisation_type   varchar(40)   not null default 'OTHER',
    add column company_number      varchar(10),
    add column charity_number      varchar(12),
    add column country             varchar(2)    not null default 'GB',
    add column address_lines       text          not null default '',
    add column employees           integer       not null default 0,
    add column annual_turnover     numeric(15,2) not null default 0,
    add column balance_sheet_total numeric(15,2),
    add column email               varchar(200)  not null default '',
    add column phone               varchar(20),
    add column website             varchar(200),
    add column description         varchar(2000),
    add column social_enterprise   boolean       not null default false,
    add column pays_real_living_wage boolean,
    add column local_staff_share   numeric(5,4),
    add column locality            varchar(20)   not null default 'REST_OF_UK',
    add column town                varchar(60),
    add column ward                varchar(80),
    add column size_band           varchar(10)   not null default 'MICRO',
    add column vcfse               boolean       not null default false,
    add column vcfse_verified      boolean       not null default false,
    add column rejection_reason    varchar(1000),
    add column updated_at          timestamptz,
    alter column postcode type varchar(10);

-- Two organisations with the same Companies House or charity number are refused.
create unique index supplier_company_number on supplier (company_number) where company_number is not null;
create unique index supplier_charity_number on supplier (charity_number) where charity_number is not null;
create index supplier_locality on supplier (locality, town);

create table supplier_branch (
    supplier_id   uuid        not null references supplier (id) on delete cascade,
    position      integer     not null,
    postcode      varchar(10) not null,
    address_lines text        not null default '',
    primary key (supplier_id, position)
);

create table supplier_cpv (
    supplier_id uuid       not null references supplier (id) on delete cascade,
    code        varchar(8) not null,
    primary key (supplier_id, code)
);
create index supplier_cpv_code on supplier_cpv (code);

-- Who belongs to an organisation (the registering supplier user is its first member).
create table supplier_member (
    supplier_id uuid         not null references supplier (id) on delete cascade,
    subject     varchar(100) not null,
    joined_at   timestamptz  not null,
    primary key (supplier_id, subject)
);
create unique index supplier_member_subject on supplier_member (subject);
insert into supplier_member (supplier_id, subject, joined_at)
    select id, registered_by, registered_at from supplier s
    where not exists (select 1 from supplier_member m where m.subject = s.registered_by)
      and s.registered_at = (select min(registered_at) from supplier t where t.registered_by = s.registered_by);
