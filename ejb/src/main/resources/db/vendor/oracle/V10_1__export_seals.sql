-- The detached CMS seals (a few kB each) live beside what they seal.
alter table export_application add seal blob;
alter table export_licence add seal blob not null;
