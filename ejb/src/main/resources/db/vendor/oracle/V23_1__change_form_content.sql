-- The uploaded change request form (under 1 MB), beside its name and type.
alter table export_application add change_form blob;
