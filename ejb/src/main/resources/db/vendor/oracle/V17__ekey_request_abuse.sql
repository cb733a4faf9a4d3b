-- What an anonymous e-key requester could do to a company (issue 23, finding 2).
-- A record filed by a first application stays provisional until that application passes both
-- checks: it is not a real enterprise yet, a later first application replaces its details, and
-- its 13-digit code does not count against the real enterprises'.
alter table enterprise add provisional number(1) default 0 not null;
-- What the first applicant typed about the company: printed on his form and shown to him, so an
-- anonymous requester never sees what is on record about an existing company.
alter table ekey_request add typed_name varchar2(200 char);
alter table ekey_request add typed_enterprise_code varchar2(13 char);
alter table ekey_request add typed_address varchar2(400 char);
alter table ekey_request add typed_contact_name varchar2(100 char);
alter table ekey_request add typed_contact_phone varchar2(40 char);
alter table ekey_request add typed_filing_number varchar2(40 char);
alter table ekey_request add typed_authority_code varchar2(40 char);
