-- How far reading has gone through an upload's file: a progress bar for the uploader.
alter table spend_upload add column bytes_read bigint not null default 0;
update spend_upload set bytes_read = size_bytes where status <> 'RUNNING';
