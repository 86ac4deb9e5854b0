-- Forward plans (the pipeline) local firms can follow, and the notifications suppliers get: new opportunities that
-- match their categories and that they may bid for, plans they follow being tendered, tenders they follow or bid for
-- being amended or cancelled.
create table pipeline_item (
    id                   uuid primary key,
    anchor_id            varchar(60)    not null references anchor (id),
    title                varchar(200)   not null,
    description          text,
    cpv_codes            text[]         not null,
    estimated_value      numeric(15, 2) not null check (estimated_value > 0),
    expected_publication date           not null,
    tender_id            uuid unique references tender (id),
    created_by           varchar(100)   not null,
    created_at           timestamptz    not null
);
create index pipeline_item_upcoming on pipeline_item (expected_publication) where tender_id is null;

create table pipeline_follower (
    pipeline_item_id uuid        not null references pipeline_item (id),
    supplier_id      uuid        not null,
    followed_at      timestamptz not null,
    primary key (pipeline_item_id, supplier_id)
);

alter table tender add column pipeline_item_id uuid references pipeline_item (id);

create table notification (
    id          uuid primary key,
    supplier_id uuid         not null,
    kind        varchar(30)  not null,
    tender_id   uuid,
    title       varchar(300) not null,
    text        text,
    created_at  timestamptz  not null
);
create index notification_by_supplier on notification (supplier_id, created_at desc, id);
