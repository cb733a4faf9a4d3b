-- How many applications each authority holds in each state, kept by the database itself (see the
-- PostgreSQL twin for why). Oracle has no transition tables: a row trigger moves the counts of the
-- row's old and new (authority, state); the counting row is created by a MERGE the first time.
create table application_count (
    authority_code      varchar2(40 char)   not null,
    state               varchar2(32 char)   not null,
    applications        number(19)          not null,
    primary key (authority_code, state)
);

create or replace trigger export_application_counted
    after insert or update of authority_code, state or delete on export_application
    for each row
begin
    if updating and :old.authority_code = :new.authority_code and :old.state = :new.state then
        return;
    end if;
    if inserting or updating then
        merge into application_count c
        using (select :new.authority_code authority_code, :new.state state from dual) n
           on (c.authority_code = n.authority_code and c.state = n.state)
         when matched then update set c.applications = c.applications + 1
         when not matched then insert (authority_code, state, applications) values (n.authority_code, n.state, 1);
    end if;
    if deleting or updating then
        update application_count set applications = applications - 1
         where authority_code = :old.authority_code and state = :old.state;
    end if;
end;
/
