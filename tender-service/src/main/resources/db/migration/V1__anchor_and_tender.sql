-- The borough's anchor institutions: reference data every tender names.
create table anchor (
    id   varchar(60)  primary key,
    name varchar(200) not null,
    kind varchar(40)  not null
);
insert into anchor (id, name, kind) values
    ('wigan-council', 'Wigan Council', 'LOCAL_AUTHORITY'),
    ('wwl-nhs', 'Wrightington, Wigan and Leigh Teaching Hospitals NHS Foundation Trust', 'NHS_TRUST'),
    ('wigan-leigh-college', 'Wigan & Leigh College', 'FURTHER_EDUCATION'),
    ('university-partner', 'University partner', 'HIGHER_EDUCATION'),
    ('housing', 'Housing provider', 'HOUSING'),
    ('gmp', 'Greater Manchester Police', 'POLICE'),
    ('gmfrs', 'Greater Manchester Fire and Rescue Service', 'FIRE');

create table tender (
    id           uuid primary key,
    anchor_id    varchar(60)  not null references anchor (id),
    title        varchar(200) not null,
    description  text,
    cpv_code     varchar(10),
    closes_at    timestamptz  not null,
    reserved_for varchar(10),
    published_by varchar(100) not null,
    published_at timestamptz  not null,
    version      bigint       not null default 0
);
create index tender_open on tender (closes_at);
