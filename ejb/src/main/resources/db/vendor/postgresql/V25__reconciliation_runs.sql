-- The reconciliation's runs as the portal knows them beside the batch runtime's repository (issue 19):
-- who started a run, on which server instance it runs (so that a restarted instance marks only its
-- own interrupted runs failed), how many licences it has to reconcile (the progress bar) and the
-- first execution of its job instance (a restart goes on with the figures of the executions before).
create table reconciliation_run (
    execution_id        bigint          not null primary key,
    first_execution_id  bigint          not null,
    business_date       date            not null,
    from_date           date            not null,
    authority_code      varchar(40),
    instance_name       varchar(100)    not null,
    started_by          varchar(32)     not null,
    started_at_utc      timestamp       not null,
    total_licences      bigint
);
create index ix_reconciliation_run_first on reconciliation_run (first_execution_id);

-- the progress of a run: the licences its executions stored for the date
create index ix_reconciliation_licence_execution on reconciliation_licence (business_date, execution_id);

-- bad lines of a declarations file: skipped, with the reason (the file and line name them)
create table reconciliation_skipped_line (
    id                  bigserial       primary key,
    execution_id        bigint          not null,
    file_name           varchar(255)    not null,
    line_number         integer         not null,
    reason              varchar(500)    not null,
    content             varchar(1000)   not null,
    recorded_at_utc     timestamp       not null
);
create index ix_reconciliation_skipped_line on reconciliation_skipped_line (file_name, line_number);

-- who declared, where customs' usage names it: the reconciliation flags a declarant other than the holder
alter table customs_declaration add column declarant_uscc varchar(18);
