-- Oracle: refuse UPDATE and DELETE on the audit log at the database, so even a bug or a
-- hand-written statement cannot rewrite history (the hash chain detects what gets past).
create or replace trigger audit_event_no_update_delete
    before update or delete on audit_event
begin
    raise_application_error(-20001, 'audit_event is append-only');
end;
/
