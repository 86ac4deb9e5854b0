create table supplier (
    id            uuid primary key,
    legal_name    varchar(200) not null,
    postcode      varchar(8)   not null,
    status        varchar(20)  not null,
    -- The Keycloak subject of the user who registered the organisation (its first member).
    registered_by varchar(100) not null,
    registered_at timestamptz  not null,
    version       bigint       not null default 0
);
