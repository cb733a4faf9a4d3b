package org.xuke.statistics;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.xuke.platform.SqlDialect;

/**
 * {@link FactWriter}'s statements on Oracle, which has no data-modifying WITH, no ON CONFLICT and no
 * aggregate FILTER: one statement per table, the monthly sums by MERGE, the flags as 0 and 1. Written to
 * Oracle's SQL reference and run by no test here (docs/OPERATIONS.md, "Oracle"). Two transactions that
 * create the same month's row at the same moment: one MERGE fails on the key and its issue is rolled
 * back whole, to be done again (PostgreSQL's upsert waits instead).
 */
final class OracleFacts {

    private OracleFacts() {
    }

    static void issued(EntityManager em, long licenceId, LocalDate issuedOn) {
        int facts = em.createNativeQuery("insert into licence_fact (licence_id, issued_on, trade_mode_code,"
                + " country_code, consignor_code, authority_code, enterprise_id, applicant, department, counted, kind,"
                + " total_usd, applied_on, port_code, contract_number, exporter_code)"
                + " select l.id, ?, a.trade_mode_code, a.country_code, a.consignor_code, l.authority_code,"
                + " l.enterprise_id, l.applicant, l.department, case when l.status <> 'DELETED' then 1 else 0 end,"
                + " l.kind, l.total_usd, cast(from_tz(cast(coalesce(a.submitted_at_utc, l.issued_at_utc) as timestamp),"
                + " 'UTC') at time zone 'Asia/Shanghai' as date), a.port_code, a.contract_number, a.exporter_code"
                + " from licence l join export_application a on a.id = l.application_id where l.id = ?"
                + " and not exists (select 1 from licence_fact x where x.licence_id = l.id)")
                .setParameter(1, issuedOn).setParameter(2, licenceId).executeUpdate();
        if (facts == 0) {
            // written once however often the event comes
            return;
        }
        em.createNativeQuery("insert into licence_line_fact (licence_id, line_number, licence_number, issued_on,"
                + " applied_on, authority_code, enterprise_id, applicant, department, counted, kind, trade_mode_code,"
                + " country_code, consignor_code, exporter_code, port_code, contract_number, commodity_code,"
                + " category_code, specification, unit_code, quantity, amount_usd, first_in_commodity,"
                + " first_in_category, first_in_grade, first_of_licence)"
                + " select f.licence_id, ll.line_number, l.licence_number, f.issued_on, f.applied_on, f.authority_code,"
                + " f.enterprise_id, f.applicant, f.department, f.counted, f.kind, f.trade_mode_code, f.country_code,"
                + " f.consignor_code, f.exporter_code, f.port_code, f.contract_number, ll.commodity_code,"
                + " c.category_code, ll.specification, ll.unit_code, ll.quantity, round(ll.amount * a.usd_rate, 2),"
                + first("partition by ll.commodity_code, ll.unit_code") + ","
                + first("partition by c.category_code, ll.unit_code") + ","
                + first("partition by c.category_code, ll.specification, ll.unit_code") + ","
                + first("") + " from licence_fact f join licence l on l.id = f.licence_id"
                + " join export_application a on a.id = l.application_id"
                + " join licence_line ll on ll.licence_id = l.id"
                + " left join cat_commodity c on c.catalog_year = l.licence_year and c.code = ll.commodity_code"
                + " where f.licence_id = ?").setParameter(1, licenceId).executeUpdate();
        addToMonths(em, licenceId, "");
    }

    /** Adds a licence's counted fact and lines to the monthly sums ({@code sign} ""), or takes them away ("-"). */
    static void addToMonths(EntityManager em, long licenceId, String sign) {
        em.createNativeQuery("merge into licence_month m using (select trunc(issued_on, 'MM') month, authority_code,"
                + " kind, trade_mode_code, country_code, " + sign + "1 licences, " + sign + "coalesce(total_usd, 0)"
                + " total_usd from licence_fact where licence_id = ? and counted = 1) n"
                + " on (m.month = n.month and m.authority_code = n.authority_code and m.kind = n.kind"
                + " and m.trade_mode_code = n.trade_mode_code and m.country_code = n.country_code)"
                + " when matched then update set m.licences = m.licences + n.licences,"
                + " m.total_usd = m.total_usd + n.total_usd"
                + " when not matched then insert (month, authority_code, kind, trade_mode_code, country_code, licences,"
                + " total_usd) values (n.month, n.authority_code, n.kind, n.trade_mode_code, n.country_code,"
                + " n.licences, n.total_usd)").setParameter(1, licenceId).executeUpdate();
        String absent = "'" + MonthlySums.ABSENT + "'";
        String group = "trunc(applied_on, 'MM'), authority_code, kind, trade_mode_code, country_code, coalesce(port_code, "
                + absent + "), commodity_code, coalesce(category_code, " + absent + "), coalesce(unit_code, " + absent + ")";
        em.createNativeQuery("merge into goods_month m using (select trunc(applied_on, 'MM') month, authority_code,"
                + " kind, trade_mode_code, country_code, coalesce(port_code, " + absent + ") port_code, commodity_code,"
                + " coalesce(category_code, " + absent + ") category_code, coalesce(unit_code, " + absent + ")"
                + " unit_code, " + sign + "count(*) lines, " + sign + "sum(first_in_commodity) licences_commodity, "
                + sign + "sum(first_in_category) licences_category, " + sign + "sum(first_of_licence) licences, "
                + sign + "sum(quantity) quantity, " + sign + "coalesce(sum(amount_usd), 0) amount_usd"
                + " from licence_line_fact where licence_id = ? and counted = 1 group by " + group + ") n"
                + " on (m.month = n.month and m.authority_code = n.authority_code and m.kind = n.kind"
                + " and m.trade_mode_code = n.trade_mode_code and m.country_code = n.country_code"
                + " and m.port_code = n.port_code and m.commodity_code = n.commodity_code"
                + " and m.category_code = n.category_code and m.unit_code = n.unit_code)"
                + " when matched then update set m.lines = m.lines + n.lines,"
                + " m.licences_commodity = m.licences_commodity + n.licences_commodity,"
                + " m.licences_category = m.licences_category + n.licences_category,"
                + " m.licences = m.licences + n.licences, m.quantity = m.quantity + n.quantity,"
                + " m.amount_usd = m.amount_usd + n.amount_usd"
                + " when not matched then insert (month, authority_code, kind, trade_mode_code, country_code, port_code,"
                + " commodity_code, category_code, unit_code, lines, licences_commodity, licences_category, licences,"
                + " quantity, amount_usd) values (n.month, n.authority_code, n.kind, n.trade_mode_code, n.country_code,"
                + " n.port_code, n.commodity_code, n.category_code, n.unit_code, n.lines, n.licences_commodity,"
                + " n.licences_category, n.licences, n.quantity, n.amount_usd)")
                .setParameter(1, licenceId).executeUpdate();
    }

    /** A decision (decision_fact's columns in order, as {@link FactWriter#decided} makes them) and its month's sums. */
    static void decided(EntityManager em, Object[] decision, LocalDate month) {
        var insert = em.createNativeQuery(SqlDialect.ORACLE.insertIfAbsent("decision_fact", "application_id, step_no",
                "application_id, step_no, authority_code, actor, stage, transition, received_on, decided_on,"
                        + " working_days, in_time", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"));
        for (int i = 0; i < decision.length; i++) {
            insert.setParameter(i + 1, decision[i]);
        }
        if (insert.executeUpdate() == 0) {
            return;
        }
        em.createNativeQuery("merge into decision_month m using (select ? month, ? authority_code, ? actor, ? stage,"
                + " ? in_time, ? working_days from dual) n on (m.month = n.month and m.authority_code = n.authority_code"
                + " and m.actor = n.actor and m.stage = n.stage)"
                + " when matched then update set m.decisions = m.decisions + 1, m.in_time = m.in_time + n.in_time,"
                + " m.working_days = m.working_days + n.working_days"
                + " when not matched then insert (month, authority_code, actor, stage, decisions, in_time, working_days)"
                + " values (n.month, n.authority_code, n.actor, n.stage, 1, n.in_time, n.working_days)")
                .setParameter(1, month).setParameter(2, decision[2]).setParameter(3, decision[3])
                .setParameter(4, decision[4]).setParameter(5, Boolean.TRUE.equals(decision[9]) ? 1 : 0)
                .setParameter(6, decision[8]).executeUpdate();
    }

    /** 1 for the first line of its group (in line order), else 0. */
    private static String first(String partition) {
        return " case when row_number() over (" + partition + (partition.isEmpty() ? "" : " ")
                + "order by ll.line_number) = 1 then 1 else 0 end";
    }
}
