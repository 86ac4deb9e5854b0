-- Supplier messages carry the organisation's contact email since 0.4.0 (tender-service emails alerts to it).
-- Organisations registered before are announced once more by the same job (MemberAnnouncements), with their email.
update supplier set members_announced = false where erased_at is null;
