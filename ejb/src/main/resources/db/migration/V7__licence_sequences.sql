-- Licence numbers: one gap-free sequence per licence authority code and year. The row is locked
-- by the issuing transaction, so a rolled-back issue gives its number back.
create table licence_sequence (
    licence_code        varchar(2)    not null,
    licence_year        integer       not null,
    last_value          integer       not null,
    constraint pk_licence_sequence primary key (licence_code, licence_year)
);
