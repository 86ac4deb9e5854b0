-- Reliable delivery (chassis 0.2): every message carries its aggregate's version; the relay keeps per-key order and
-- parks a message that can never be sent; consumers ignore stale versions.

-- The last version given to each aggregate (topic + key). Taking the next one locks the row until commit, so two
-- transactions changing one aggregate get their versions in commit order.
create table outbox_aggregate_version (
    topic         varchar(200) not null,
    aggregate_key varchar(200) not null,
    version       bigint       not null,
    primary key (topic, aggregate_key)
);

alter table outbox_message
    add column aggregate_version bigint,
    add column attempts          integer not null default 0,
    add column last_error        text,
    add column parked_at         timestamptz;

-- Rows written before versions existed: numbered per aggregate in the order they were written.
update outbox_message m set aggregate_version = v.n
from (select seq, row_number() over (partition by topic, message_key order by seq) as n from outbox_message) v
where v.seq = m.seq;
alter table outbox_message alter column aggregate_version set not null;
insert into outbox_aggregate_version (topic, aggregate_key, version)
select topic, message_key, max(aggregate_version) from outbox_message group by topic, message_key;

-- The relay reads the oldest pending messages; health counts them and the parked ones.
drop index outbox_message_unpublished;
create index outbox_message_pending on outbox_message (seq) where published_at is null and parked_at is null;
create index outbox_message_parked on outbox_message (seq) where parked_at is not null;
create index outbox_message_published on outbox_message (published_at) where published_at is not null;

-- Consumers: the newest version of each aggregate applied, so a late or redelivered older message changes nothing.
create table consumed_version (
    consumer      varchar(200) not null,
    aggregate_key varchar(200) not null,
    version       bigint       not null,
    primary key (consumer, aggregate_key)
);

-- The inbox is pruned by age.
create index processed_message_age on processed_message (processed_at);
