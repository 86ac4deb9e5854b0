-- Procurement training its people completed (TrainingCompleted on anchor.engagement, from events-service): an
-- organisation with any is bid-ready. One row per registration at a training session; the organisation's own rows
-- stay when a sole trader is erased (they hold no personal data: the session's title and when it ended).
create table supplier_training (
    registration_id uuid         primary key,
    supplier_id     uuid         not null,
    event_id        uuid         not null,
    title           varchar(300) not null,
    completed_at    timestamptz  not null
);
create index supplier_training_by_supplier on supplier_training (supplier_id, completed_at);
