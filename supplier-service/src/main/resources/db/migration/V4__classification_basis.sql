-- What a supplier's classification was worked out with (the rules' version and the reference data loaded).
-- Rows classified with anything else, including every row from before this column (''), are classified again at
-- start-up, and a change is recorded and announced like any other (SupplierReclassification).
alter table supplier add column classified_with varchar(200) not null default '';
create index supplier_classified_with on supplier (classified_with);
