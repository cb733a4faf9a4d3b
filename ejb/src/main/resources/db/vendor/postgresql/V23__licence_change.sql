-- 换证 (issue 17): an application that changes an issued licence names it; the change request form
-- (更改申请表) the enterprise uploads is kept with it (its bytes in V23_1, per vendor).
alter table export_application add column replaces_licence varchar(10);
alter table export_application add column change_form_name varchar(200);
alter table export_application add column change_form_type varchar(40);
create index ix_export_application_replaces on export_application (replaces_licence);
