-- 换证 (issue 17): an application that changes an issued licence names it; the change request form
-- (更改申请表) the enterprise uploads is kept with it (its bytes in V23_1, per vendor).
alter table export_application add replaces_licence varchar2(10 char);
alter table export_application add change_form_name varchar2(200 char);
alter table export_application add change_form_type varchar2(40 char);
create index ix_export_application_replaces on export_application (replaces_licence);
