-- Producers number an aggregate's versions per topic: the guard keeps them per topic too ("<topic>/<key>").
-- Rows from before name the key alone; they no longer match, so the first message per key after the upgrade is
-- judged by its id only (the inbox), as a fresh consumer would.
alter table consumed_version alter column aggregate_key type varchar(460);
