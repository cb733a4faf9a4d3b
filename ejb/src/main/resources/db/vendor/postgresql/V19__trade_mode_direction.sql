-- Which way goods go under a trade mode (issue 22, defect 4): an export licence offers no mode
-- under which goods only enter. Read from the official full names (catalogue SOURCES.md); the
-- bundled trade-modes.csv says the same for new databases.
alter table cat_trade_mode add column direction varchar(6) default 'both' not null;
update cat_trade_mode set direction = 'import' where code in ('0245', '0314', '0320', '0345', '0420', '0444',
    '0445', '0446', '0544', '0545', '0642', '0644', '0744', '0844', '0845', '2025', '2225', '2439', '2939', '3410',
    '4200', '4239', '4539', '5033', '5335');
update cat_trade_mode set direction = 'export' where code in ('0139', '0265', '0466', '0664', '0864', '0865',
    '1427', '3422', '5361', '9710', '9810');
