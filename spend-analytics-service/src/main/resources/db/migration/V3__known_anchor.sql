-- The anchor institutions as learnt from the anchors topic (tender-service owns them). Spend belongs to one of these.
create table known_anchor (
    anchor_id  varchar(60)  primary key,
    name       varchar(200) not null,
    type       varchar(20)  not null,
    updated_at timestamptz  not null
);
