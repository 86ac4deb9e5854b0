-- Email alerts: an organisation's contact email (from anchor.suppliers), and each notification's email as an outbox:
-- a job claims those not yet sent (email_status null: SENDING), sends each outside any transaction and records how
-- it went (SENT, NO_ADDRESS, FAILED; or due again later after a failure).
alter table known_supplier add column email varchar(320);

alter table notification add column email_status varchar(20);
alter table notification add column email_attempts int not null default 0;
alter table notification add column emailed_at timestamptz;
-- a send in progress (SENDING) since; after a failure, not before
alter table notification add column email_claimed_at timestamptz;
alter table notification add column email_next_attempt_at timestamptz;
-- Notifications from before email alerts are not emailed now, long after
update notification set email_status = 'BEFORE_ALERTS';

create index notification_email_due on notification (created_at, id) where email_status is null;
-- claims left by an instance that stopped mid-send, found without reading every notification
create index notification_email_claimed on notification (email_claimed_at) where email_status = 'SENDING';
