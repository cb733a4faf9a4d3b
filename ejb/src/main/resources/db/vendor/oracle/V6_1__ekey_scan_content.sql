-- Scan bytes (each under 1 MB) live beside their metadata.
alter table ekey_scan add content blob not null;
