-- Statistics at national volume (issue 20): the reporting model holds everything a statistic filters,
-- groups, sums and scopes by, so that a figure reads only its caller's rows through an index and never
-- joins the licence table (the join of a year's 333,000 facts to their licences cost 1.1-1.5 s).
-- Kept by events in the deciding transaction: a licence's rows at its issue, "counted" cleared by its
-- deletion (删证: it never took effect), a reviewer's decision as it is taken.

-- one row per issued licence: its scope (authority; holder, filer and department for the holder's
-- data scope), whether it counts, its amount and what 综合统计 and the special queries filter by
alter table licence_fact add authority_code varchar2(40 char);
alter table licence_fact add enterprise_id number(19);
alter table licence_fact add applicant varchar2(32 char);
alter table licence_fact add department varchar2(100 char);
alter table licence_fact add counted number(1) default 1 not null;
alter table licence_fact add kind varchar2(1 char);
alter table licence_fact add total_usd number(18, 2);
alter table licence_fact add applied_on date;
alter table licence_fact add port_code varchar2(10 char);
alter table licence_fact add contract_number varchar2(17 char);
alter table licence_fact add exporter_code varchar2(18 char);
-- (the PostgreSQL twin fills these for the facts written before; an Oracle database is created by this
-- release's migrations in one go and holds none, here and in the sums below)
alter table licence_fact modify authority_code not null;
alter table licence_fact modify enterprise_id not null;
alter table licence_fact modify kind not null;
alter table licence_fact modify applied_on not null;
-- a national statistic, an authority's and a company's each read one range of one index
create index ix_licence_fact_authority on licence_fact (authority_code, issued_on);
create index ix_licence_fact_enterprise on licence_fact (enterprise_id, issued_on);

-- one row per goods line of an issued licence: 综合统计 by commodity or category, the rice and coke
-- statistics by grade or brand (the line's specification), with the licence's scope and filters beside it
create table licence_line_fact (
    licence_id          number(19)          not null references licence (id),
    line_number         number(10)          not null,
    -- the licence's number: a drill-down and an export list lines without reading the licence table
    licence_number      varchar2(10 char)   not null,
    issued_on           date                not null,
    applied_on          date                not null,
    authority_code      varchar2(40 char)   not null,
    enterprise_id       number(19)          not null,
    applicant           varchar2(32 char),
    department          varchar2(100 char),
    counted             number(1)           default 1 not null,
    kind                varchar2(1 char)    not null,
    trade_mode_code     varchar2(10 char)   not null,
    country_code        varchar2(10 char)   not null,
    consignor_code      varchar2(18 char),
    exporter_code       varchar2(18 char),
    port_code           varchar2(10 char),
    contract_number     varchar2(17 char),
    commodity_code      varchar2(10 char)   not null,
    category_code       varchar2(20 char),
    specification       varchar2(200 char),
    unit_code           varchar2(10 char),
    quantity            number(18, 5)       not null,
    amount_usd          number(18, 2),
    -- whether this is the licence's first line of its commodity and unit, of its category and unit, of
    -- its grade and unit within its category, and its first line at all: a statistic counts licences per row by summing the
    -- flag of its grouping instead of COUNT(DISTINCT licence_id), which sorts every row it reads
    first_in_commodity  number(1)           not null,
    first_in_category   number(1)           not null,
    first_in_grade      number(1)           not null,
    first_of_licence    number(1)           not null,
    constraint pk_licence_line_fact primary key (licence_id, line_number)
);
create index ix_line_fact_applied on licence_line_fact (applied_on);
create index ix_line_fact_authority on licence_line_fact (authority_code, applied_on);
create index ix_line_fact_enterprise on licence_line_fact (enterprise_id, applied_on);
-- a row of 综合统计 opened: its commodity's or category's lines of the range, in order of date
create index ix_line_fact_commodity on licence_line_fact (commodity_code, applied_on);
create index ix_line_fact_category on licence_line_fact (category_code, applied_on);
-- the rice and coke statistics read their lines from this index (Oracle has neither partial nor covering
-- indexes, as the PostgreSQL twin uses: here the two categories' lines are one range of it)
create index ix_line_fact_special on licence_line_fact (category_code, issued_on);


-- one row per reviewer's decision on an application (初审 pass / return, 复审 pass / reject, 发证):
-- who, which stage, when it was received (its last submission) and decided, the working days after
-- receipt up to the decision, and whether it came within the 3-working-day limit (on or before the
-- third working day after receipt)
create table decision_fact (
    application_id      number(19)          not null references export_application (id),
    step_no             number(10)          not null,
    authority_code      varchar2(40 char)   not null,
    actor               varchar2(32 char)   not null,
    stage               varchar2(8 char)    not null,
    transition          varchar2(30 char)   not null,
    received_on         date                not null,
    decided_on          date                not null,
    working_days        number(10)          not null,
    in_time             number(1)           not null,
    constraint pk_decision_fact primary key (application_id, step_no)
);
create index ix_decision_fact_authority on decision_fact (authority_code, decided_on);
create index ix_decision_fact_decided on decision_fact (decided_on);

-- Monthly sums for the statistics of a jurisdiction or the nation, which a year of national volume
-- (1,000,000 goods lines, 1,000,000 decisions) would otherwise read row by row: 0.8-2.5 s on two
-- cores (docs/BENCHMARKS.md). Kept by the same observer in the same transaction as the rows they sum
-- (an issue adds a licence's lines, a deletion takes them away again), so a sum never differs from
-- the rows behind it. Only dimensions of few values are kept (a consignor, contract, exporter or
-- grade is asked of the rows themselves, which its index narrows to one company's); an absent code
-- is '-' so that it can be part of the key.
create table goods_month (
    month               date                not null,
    authority_code      varchar2(40 char)   not null,
    kind                varchar2(1 char)    not null,
    trade_mode_code     varchar2(10 char)   not null,
    country_code        varchar2(10 char)   not null,
    port_code           varchar2(10 char)   not null,
    commodity_code      varchar2(10 char)   not null,
    category_code       varchar2(20 char)   not null,
    unit_code           varchar2(10 char)   not null,
    lines               number(19)          not null,
    licences_commodity  number(19)          not null,
    licences_category   number(19)          not null,
    licences            number(19)          not null,
    quantity            number(24, 5)       not null,
    amount_usd          number(24, 2)       not null,
    constraint pk_goods_month primary key (month, authority_code, kind, trade_mode_code, country_code, port_code,
        commodity_code, category_code, unit_code)
);
create index ix_goods_month_authority on goods_month (authority_code, month);
create index ix_line_fact_consignor on licence_line_fact (consignor_code, applied_on);


-- 统计月报 of a jurisdiction: licences and their amount per month of issue, authority, kind, trade mode
-- and destination (the licence's own amount, as the drill-down lists it)
create table licence_month (
    month               date                not null,
    authority_code      varchar2(40 char)   not null,
    kind                varchar2(1 char)    not null,
    trade_mode_code     varchar2(10 char)   not null,
    country_code        varchar2(10 char)   not null,
    licences            number(19)          not null,
    total_usd           number(24, 2)       not null,
    constraint pk_licence_month primary key (month, authority_code, kind, trade_mode_code, country_code)
);
create index ix_licence_month_authority on licence_month (authority_code, month);


create table decision_month (
    month               date                not null,
    authority_code      varchar2(40 char)   not null,
    actor               varchar2(32 char)   not null,
    stage               varchar2(8 char)    not null,
    decisions           number(19)          not null,
    in_time             number(19)          not null,
    working_days        number(19)          not null,
    constraint pk_decision_month primary key (month, authority_code, actor, stage)
);
create index ix_decision_month_authority on decision_month (authority_code, month);

