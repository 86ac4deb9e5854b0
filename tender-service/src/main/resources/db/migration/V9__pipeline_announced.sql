-- Forward plans are announced on anchor.tenders (PipelineItemAnnounced) when made; those made before are announced
-- once at the next start (Pipeline.announceAtStart).
alter table pipeline_item add column announced boolean not null default false;
