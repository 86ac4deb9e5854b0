-- A Companies House or charity number held only by organisations awaiting verification no longer blocks another
-- registration (the first to self-register could otherwise claim any number): only a VERIFIED holder is unique.
-- Organisations sharing a number are shown to admins (Supplier.sharedNumber) to decide which is genuine.
drop index supplier_company_number;
drop index supplier_charity_number;
create unique index supplier_company_number on supplier (company_number)
    where company_number is not null and status = 'VERIFIED' and erased_at is null;
create unique index supplier_charity_number on supplier (charity_number)
    where charity_number is not null and status = 'VERIFIED' and erased_at is null;
create index supplier_company_number_any on supplier (company_number) where company_number is not null;
create index supplier_charity_number_any on supplier (charity_number) where charity_number is not null;
