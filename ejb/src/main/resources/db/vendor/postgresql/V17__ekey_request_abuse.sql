-- What an anonymous e-key requester could do to a company (issue 23, finding 2).
-- A record filed by a first application stays provisional until that application passes both
-- checks: it is not a real enterprise yet, a later first application replaces its details, and
-- its 13-digit code does not count against the real enterprises'.
alter table enterprise add column provisional boolean default false not null;
-- What the first applicant typed about the company: printed on his form and shown to him, so an
-- anonymous requester never sees what is on record about an existing company.
alter table ekey_request add column typed_name varchar(200);
alter table ekey_request add column typed_enterprise_code varchar(13);
alter table ekey_request add column typed_address varchar(400);
alter table ekey_request add column typed_contact_name varchar(100);
alter table ekey_request add column typed_contact_phone varchar(40);
alter table ekey_request add column typed_filing_number varchar(40);
alter table ekey_request add column typed_authority_code varchar(40);
