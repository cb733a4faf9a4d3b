-- Statistics at national volume (issue 20): the reporting model holds everything a statistic filters,
-- groups, sums and scopes by, so that a figure reads only its caller's rows through an index and never
-- joins the licence table (the join of a year's 333,000 facts to their licences cost 1.1-1.5 s).
-- Kept by events in the deciding transaction: a licence's rows at its issue, "counted" cleared by its
-- deletion (删证: it never took effect), a reviewer's decision as it is taken.

-- one row per issued licence: its scope (authority; holder, filer and department for the holder's
-- data scope), whether it counts, its amount and what 综合统计 and the special queries filter by
alter table licence_fact add column authority_code varchar(40);
alter table licence_fact add column enterprise_id bigint;
alter table licence_fact add column applicant varchar(32);
alter table licence_fact add column department varchar(100);
alter table licence_fact add column counted boolean default true not null;
alter table licence_fact add column kind varchar(1);
alter table licence_fact add column total_usd numeric(18, 2);
alter table licence_fact add column applied_on date;
alter table licence_fact add column port_code varchar(10);
alter table licence_fact add column contract_number varchar(17);
alter table licence_fact add column exporter_code varchar(18);
update licence_fact f set authority_code = l.authority_code, enterprise_id = l.enterprise_id,
       applicant = l.applicant, department = l.department, counted = l.status <> 'DELETED', kind = l.kind,
       total_usd = l.total_usd,
       applied_on = cast((coalesce(a.submitted_at_utc, l.issued_at_utc) at time zone 'UTC') at time zone 'Asia/Shanghai' as date),
       port_code = a.port_code, contract_number = a.contract_number, exporter_code = a.exporter_code
  from licence l join export_application a on a.id = l.application_id
 where l.id = f.licence_id;
alter table licence_fact alter column authority_code set not null;
alter table licence_fact alter column enterprise_id set not null;
alter table licence_fact alter column kind set not null;
alter table licence_fact alter column applied_on set not null;
-- a national statistic, an authority's and a company's each read one range of one index
create index ix_licence_fact_authority on licence_fact (authority_code, issued_on);
create index ix_licence_fact_enterprise on licence_fact (enterprise_id, issued_on);

-- one row per goods line of an issued licence: 综合统计 by commodity or category, the rice and coke
-- statistics by grade or brand (the line's specification), with the licence's scope and filters beside it
create table licence_line_fact (
    licence_id          bigint          not null references licence (id),
    line_number         integer         not null,
    -- the licence's number: a drill-down and an export list lines without reading the licence table
    licence_number      varchar(10)     not null,
    issued_on           date            not null,
    applied_on          date            not null,
    authority_code      varchar(40)     not null,
    enterprise_id       bigint          not null,
    applicant           varchar(32),
    department          varchar(100),
    counted             boolean         default true not null,
    kind                varchar(1)      not null,
    trade_mode_code     varchar(10)     not null,
    country_code        varchar(10)     not null,
    consignor_code      varchar(18),
    exporter_code       varchar(18),
    port_code           varchar(10),
    contract_number     varchar(17),
    commodity_code      varchar(10)     not null,
    category_code       varchar(20),
    specification       varchar(200),
    unit_code           varchar(10),
    quantity            numeric(18, 5)  not null,
    amount_usd          numeric(18, 2),
    -- whether this is the licence's first line of its commodity and unit, of its category and unit, of
    -- its grade and unit within its category, and its first line at all: a statistic counts licences per row by summing the
    -- flag of its grouping instead of COUNT(DISTINCT licence_id), which sorts every row it reads
    first_in_commodity  boolean         not null,
    first_in_category   boolean         not null,
    first_in_grade      boolean         not null,
    first_of_licence    boolean         not null,
    constraint pk_licence_line_fact primary key (licence_id, line_number)
);
create index ix_line_fact_applied on licence_line_fact (applied_on);
create index ix_line_fact_authority on licence_line_fact (authority_code, applied_on);
create index ix_line_fact_enterprise on licence_line_fact (enterprise_id, applied_on);
-- a row of 综合统计 opened: its commodity's or category's lines of the range, in order of date
create index ix_line_fact_commodity on licence_line_fact (commodity_code, applied_on);
create index ix_line_fact_category on licence_line_fact (category_code, applied_on);
-- the rice and coke statistics read their lines from this index alone (a partial index: the two
-- categories' lines only, with every column those statistics filter, group and sum)
create index ix_line_fact_special on licence_line_fact (category_code, issued_on)
    include (enterprise_id, applicant, department, authority_code, counted, specification, exporter_code,
             country_code, contract_number, unit_code, quantity, amount_usd, first_in_grade, applied_on)
    where category_code in ('EL06', 'EL32');

insert into licence_line_fact (licence_id, line_number, licence_number, issued_on, applied_on, authority_code, enterprise_id,
       applicant, department, counted, kind, trade_mode_code, country_code, consignor_code, exporter_code, port_code,
       contract_number, commodity_code, category_code, specification, unit_code, quantity, amount_usd,
       first_in_commodity, first_in_category, first_in_grade, first_of_licence)
select f.licence_id, ll.line_number, l.licence_number, f.issued_on, f.applied_on, f.authority_code, f.enterprise_id, f.applicant,
       f.department, f.counted, f.kind, f.trade_mode_code, f.country_code, f.consignor_code, f.exporter_code,
       f.port_code, f.contract_number, ll.commodity_code, c.category_code, ll.specification, ll.unit_code, ll.quantity,
       round(ll.amount * a.usd_rate, 2),
       row_number() over (partition by f.licence_id, ll.commodity_code, ll.unit_code order by ll.line_number) = 1,
       row_number() over (partition by f.licence_id, c.category_code, ll.unit_code order by ll.line_number) = 1,
       row_number() over (partition by f.licence_id, c.category_code, ll.specification, ll.unit_code order by ll.line_number) = 1,
       row_number() over (partition by f.licence_id order by ll.line_number) = 1
  from licence_fact f
  join licence l on l.id = f.licence_id
  join export_application a on a.id = l.application_id
  join licence_line ll on ll.licence_id = l.id
  left join cat_commodity c on c.catalog_year = l.licence_year and c.code = ll.commodity_code;

-- one row per reviewer's decision on an application (初审 pass / return, 复审 pass / reject, 发证):
-- who, which stage, when it was received (its last submission) and decided, the working days after
-- receipt up to the decision, and whether it came within the 3-working-day limit (on or before the
-- third working day after receipt)
create table decision_fact (
    application_id      bigint          not null references export_application (id),
    step_no             integer         not null,
    authority_code      varchar(40)     not null,
    actor               varchar(32)     not null,
    stage               varchar(8)      not null,
    transition          varchar(30)     not null,
    received_on         date            not null,
    decided_on          date            not null,
    working_days        integer         not null,
    in_time             boolean         not null,
    constraint pk_decision_fact primary key (application_id, step_no)
);
create index ix_decision_fact_authority on decision_fact (authority_code, decided_on);
create index ix_decision_fact_decided on decision_fact (decided_on);

-- the decisions taken before this table, counted on the holiday catalogue as the service counts them
-- (a day is a working day when listed as one, or a weekday not listed as a holiday)
insert into decision_fact (application_id, step_no, authority_code, actor, stage, transition, received_on,
       decided_on, working_days, in_time)
select s.application_id, s.step_no, a.authority_code, s.actor,
       case when s.to_state in ('PENDING_SECOND_REVIEW', 'RETURNED') then 'INITIAL'
            when s.to_state in ('APPROVED', 'REJECTED') then 'SECOND' else 'ISSUE' end,
       case s.to_state when 'PENDING_SECOND_REVIEW' then 'PASS_INITIAL_REVIEW' when 'RETURNED' then 'RETURN'
            when 'APPROVED' then 'PASS_SECOND_REVIEW' when 'REJECTED' then 'REJECT' else 'ISSUE' end,
       r.received_on, d.decided_on, w.working_days, w.before_decision < 3
  from export_application_step s
  join export_application a on a.id = s.application_id
  cross join lateral (select cast((max(p.at_utc) at time zone 'UTC') at time zone 'Asia/Shanghai' as date) as received_on
                        from export_application_step p
                       where p.application_id = s.application_id and p.step_no < s.step_no
                         and p.to_state = 'PENDING_INITIAL_REVIEW'
                         and p.from_state in ('DRAFT', 'RETURNED', 'WITHDRAWN')) r
  cross join lateral (select cast((s.at_utc at time zone 'UTC') at time zone 'Asia/Shanghai' as date) as decided_on) d
  cross join lateral (
      select count(*) filter (where k.working) as working_days,
             count(*) filter (where k.working and k.day < d.decided_on) as before_decision
        from (select g.day, coalesce((select c.day_kind <> 'holiday' from cat_calendar_day c
                                       where c.code = to_char(g.day, 'YYYY-MM-DD')),
                                     extract(isodow from g.day) < 6) as working
                from (select cast(t as date) as day
                        from generate_series(r.received_on + 1, d.decided_on, interval '1 day') as t) g) k) w
 where s.from_state in ('PENDING_INITIAL_REVIEW', 'PENDING_SECOND_REVIEW', 'APPROVED')
   and s.to_state in ('PENDING_SECOND_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'ISSUED')
   and r.received_on is not null;

-- Monthly sums for the statistics of a jurisdiction or the nation, which a year of national volume
-- (1,000,000 goods lines, 1,000,000 decisions) would otherwise read row by row: 0.8-2.5 s on two
-- cores (docs/BENCHMARKS.md). Kept by the same observer in the same transaction as the rows they sum
-- (an issue adds a licence's lines, a deletion takes them away again), so a sum never differs from
-- the rows behind it. Only dimensions of few values are kept (a consignor, contract, exporter or
-- grade is asked of the rows themselves, which its index narrows to one company's); an absent code
-- is '' so that it can be part of the key.
create table goods_month (
    month               date            not null,
    authority_code      varchar(40)     not null,
    kind                varchar(1)      not null,
    trade_mode_code     varchar(10)     not null,
    country_code        varchar(10)     not null,
    port_code           varchar(10)     not null,
    commodity_code      varchar(10)     not null,
    category_code       varchar(20)     not null,
    unit_code           varchar(10)     not null,
    lines               bigint          not null,
    licences_commodity  bigint          not null,
    licences_category   bigint          not null,
    licences            bigint          not null,
    quantity            numeric(24, 5)  not null,
    amount_usd          numeric(24, 2)  not null,
    constraint pk_goods_month primary key (month, authority_code, kind, trade_mode_code, country_code, port_code,
        commodity_code, category_code, unit_code)
);
create index ix_goods_month_authority on goods_month (authority_code, month);
create index ix_line_fact_consignor on licence_line_fact (consignor_code, applied_on);

insert into goods_month (month, authority_code, kind, trade_mode_code, country_code, port_code, commodity_code,
       category_code, unit_code, lines, licences_commodity, licences_category, licences, quantity, amount_usd)
select cast(date_trunc('month', applied_on) as date), authority_code, kind, trade_mode_code, country_code,
       coalesce(port_code, ''), commodity_code, coalesce(category_code, ''), coalesce(unit_code, ''), count(*),
       count(*) filter (where first_in_commodity), count(*) filter (where first_in_category),
       count(*) filter (where first_of_licence), sum(quantity), coalesce(sum(amount_usd), 0)
  from licence_line_fact where counted
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- 统计月报 of a jurisdiction: licences and their amount per month of issue, authority, kind, trade mode
-- and destination (the licence's own amount, as the drill-down lists it)
create table licence_month (
    month               date            not null,
    authority_code      varchar(40)     not null,
    kind                varchar(1)      not null,
    trade_mode_code     varchar(10)     not null,
    country_code        varchar(10)     not null,
    licences            bigint          not null,
    total_usd           numeric(24, 2)  not null,
    constraint pk_licence_month primary key (month, authority_code, kind, trade_mode_code, country_code)
);
create index ix_licence_month_authority on licence_month (authority_code, month);

insert into licence_month (month, authority_code, kind, trade_mode_code, country_code, licences, total_usd)
select cast(date_trunc('month', issued_on) as date), authority_code, kind, trade_mode_code, country_code, count(*),
       coalesce(sum(total_usd), 0)
  from licence_fact where counted
 group by 1, 2, 3, 4, 5;

create table decision_month (
    month               date            not null,
    authority_code      varchar(40)     not null,
    actor               varchar(32)     not null,
    stage               varchar(8)      not null,
    decisions           bigint          not null,
    in_time             bigint          not null,
    working_days        bigint          not null,
    constraint pk_decision_month primary key (month, authority_code, actor, stage)
);
create index ix_decision_month_authority on decision_month (authority_code, month);

insert into decision_month (month, authority_code, actor, stage, decisions, in_time, working_days)
select cast(date_trunc('month', decided_on) as date), authority_code, actor, stage, count(*),
       count(*) filter (where in_time), sum(working_days)
  from decision_fact group by 1, 2, 3, 4;
