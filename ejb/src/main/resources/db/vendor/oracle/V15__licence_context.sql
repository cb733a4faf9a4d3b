-- The licence context of its own (issue 15): one licence table for every kind, with its goods
-- lines as rows, and quota movements as rows (holds by applications under review, draws by licences).

-- Licence-number codes are 2 to 4 letters (20AB802677, 08AAX00000, 18AANW0040).
alter table cat_issuing_authority modify licence_no_code varchar2(4 char);
alter table licence_sequence modify licence_code varchar2(4 char);

alter table export_licence rename to licence;
rename export_licence_seq to licence_seq;
-- the customs document code of the kind (监管证件代码): every licence so far is an export licence
alter table licence add kind varchar2(1 char) default '4' not null;
alter table licence add port_code varchar2(10 char);
alter table licence add uses_allowed number(10) default 1 not null;
-- who filed the application and his department: the holder's users see it within their data scope
alter table licence add applicant varchar2(32 char);
alter table licence add department varchar2(100 char);
update licence l set port_code = (select a.port_code from export_application a where a.id = l.application_id),
    applicant = (select a.created_by from export_application a where a.id = l.application_id),
    department = (select a.department from export_application a where a.id = l.application_id),
    uses_allowed = case when l.one_batch = 1 then 1 else 12 end;
create index ix_licence_authority on licence (authority_code, issued_at_utc);

create table licence_line (
    licence_id          number(19)          not null references licence (id),
    line_number         number(10)          not null,
    commodity_code      varchar2(10 char)   not null,
    specification       varchar2(200 char),
    unit_code           varchar2(10 char),
    quantity            number(18, 5)       not null,
    unit_price          number(18, 4),
    amount              number(18, 2),
    constraint pk_licence_line primary key (licence_id, line_number),
    constraint ck_licence_line_quantity check (quantity > 0)
);

-- Quota: what applications under review hold (one hold per application number) and what each
-- licence drew and gave back (one draw per licence); the allocation keeps the sums.
alter table quota_allocation add held number(18, 5) default 0 not null;
create table quota_hold (
    reference           varchar2(40 char)   not null primary key,
    allocation_id       number(19)          not null references quota_allocation (id),
    quantity            number(18, 5)       not null,
    held_by             varchar2(32 char)   not null,
    held_at_utc         timestamp           not null,
    constraint ck_quota_hold_quantity check (quantity > 0)
);
create index ix_quota_hold_allocation on quota_hold (allocation_id);
create table quota_draw (
    licence_number      varchar2(10 char)   not null primary key,
    version             number(19)          not null,
    allocation_id       number(19)          not null references quota_allocation (id),
    quantity            number(18, 5)       not null,
    returned            number(18, 5)       not null,
    drawn_by            varchar2(32 char)   not null,
    drawn_at_utc        timestamp           not null,
    constraint ck_quota_draw_quantity check (quantity > 0 and returned >= 0 and returned <= quantity)
);
alter table quota_allocation add constraint ck_quota_allocation_figures
    check (used >= 0 and held >= 0 and used + held <= allocated);

-- Existing applications under review of quota goods hold their quantity; existing licences of
-- quota goods drew theirs (already counted in used).
insert into quota_hold (reference, allocation_id, quantity, held_by, held_at_utc)
select a.application_number, q.id, a.total_quantity, a.created_by, coalesce(a.submitted_at_utc, a.created_at_utc)
  from export_application a
  join cat_commodity c on c.catalog_year = a.licence_year and c.code = a.commodity_code and c.quota = 1
  join quota_allocation q on q.enterprise_id = a.enterprise_id and q.quota_year = a.licence_year
                         and q.category_code = c.category_code
 where a.state in ('PENDING_INITIAL_REVIEW', 'PENDING_WITHDRAWAL', 'PENDING_SECOND_REVIEW', 'APPROVED')
   and a.application_number is not null and a.total_quantity > 0;
update quota_allocation q set held = coalesce((select sum(h.quantity) from quota_hold h where h.allocation_id = q.id), 0);
insert into quota_draw (licence_number, version, allocation_id, quantity, returned, drawn_by, drawn_at_utc)
select l.licence_number, 0, q.id, l.total_quantity, 0, l.issued_by, l.issued_at_utc
  from licence l
  join cat_commodity c on c.catalog_year = l.licence_year and c.code = l.commodity_code and c.quota = 1
  join quota_allocation q on q.enterprise_id = l.enterprise_id and q.quota_year = l.licence_year
                         and q.category_code = c.category_code;
