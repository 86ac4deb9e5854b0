-- The trace a message was written in (W3C Trace Context), so its consumers continue that trace: empty when tracing
-- is off.
alter table outbox_message add column traceparent varchar(55), add column tracestate varchar(512);
