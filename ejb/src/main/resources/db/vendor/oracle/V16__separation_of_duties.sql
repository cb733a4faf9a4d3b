-- Separation of duties on officers' credentials (issue 23, finding 8): who handed out the
-- one-time password an account still has to change, and who made each e-key (and so may hold
-- a copy of its file). Nobody holds both for another person's account.
alter table account add one_time_password_by varchar2(32 char);
alter table ekey_certificate add issued_by varchar2(32 char);
