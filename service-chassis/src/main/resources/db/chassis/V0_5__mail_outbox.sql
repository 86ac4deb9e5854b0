-- Emails as an outbox (MailOutbox, MailSender): written in the transaction of the change they tell of, sent by a job
-- outside any transaction, each result recorded: status null is due; SENDING (claimed), SENT, FAILED. A sent or failed
-- mail is deleted after anchor.mail.keep-for (30 days): the addresses and texts are personal data.
create table mail_outbox (
    id              uuid          primary key,
    to_address      varchar(320)  not null,
    subject         varchar(300)  not null,
    body            text          not null,
    -- what it is about, for the service that queued it (events: registration:<id>), to forget it by (an erasure)
    about           varchar(100),
    created_at      timestamptz   not null,
    status          varchar(20),
    attempts        int           not null default 0,
    claimed_at      timestamptz,
    next_attempt_at timestamptz,
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (created_at, id) where status is null;
create index mail_outbox_claimed on mail_outbox (claimed_at) where status = 'SENDING';
create index mail_outbox_done on mail_outbox (created_at) where status in ('SENT', 'FAILED');
create index mail_outbox_about on mail_outbox (about) where about is not null;
