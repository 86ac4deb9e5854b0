-- The test consumer's projection: every application of a message (duplicates would show), and each key's state.
create table test_applied (
    message_id    varchar(100) not null,
    aggregate_key varchar(200) not null,
    version       bigint       not null,
    text          varchar(200) not null
);
create index test_applied_key on test_applied (aggregate_key);
create table test_state (
    aggregate_key varchar(200) primary key,
    version       bigint       not null,
    text          varchar(200) not null
);
