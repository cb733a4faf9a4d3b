-- The application's total in US dollars, for the application lists (seed 003's 单证查询 shows
-- 美元金额). Set on every save from the form (ExportLicenceForm.grandTotalUsd: each line's total
-- to the cent, summed, times the enterprise's rate, to the cent); computed the same way here for
-- the applications saved before.
alter table export_application add column total_usd numeric(18, 2);
update export_application a set total_usd = round(a.usd_rate * coalesce(
    (select sum(round(l.unit_price * l.quantity, 2)) from export_application_line l where l.application_id = a.id), 0), 2);
