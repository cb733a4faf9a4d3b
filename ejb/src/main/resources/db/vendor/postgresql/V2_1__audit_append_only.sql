-- PostgreSQL only: refuse UPDATE and DELETE on the audit log at the database, so even a bug
-- or a hand-written statement cannot rewrite history (the hash chain detects what gets past).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each statement execute function audit_event_append_only();
