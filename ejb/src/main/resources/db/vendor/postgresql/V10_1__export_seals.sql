-- The detached CMS seals (a few kB each) live beside what they seal.
alter table export_application add column seal bytea;
alter table export_licence add column seal bytea not null;
