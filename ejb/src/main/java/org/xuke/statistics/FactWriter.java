package org.xuke.statistics;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.xuke.application.ApplicationEvent;
import org.xuke.application.ApplicationState;
import org.xuke.application.ApplicationStep;
import org.xuke.application.ExportApplication;
import org.xuke.calendar.WorkingDays;
import org.xuke.catalog.CatalogService;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEvent;
import org.xuke.platform.SchemaMigration;
import org.xuke.platform.SqlDialect;
import org.xuke.platform.Zones;

/**
 * Keeps the reporting model current from the contexts' events, in the deciding transaction (DESIGN.md:
 * upward news as CDI events), so a statistic never lags and a rolled-back decision leaves no figure:
 * a licence issued gets its {@link LicenceFact} and one {@link LineFact} per goods line, a licence
 * deleted stops counting, a reviewer's decision gets its {@link DecisionFact}. A session bean, like
 * customs' outbox, so that its persistence context is its own wherever the event is fired from;
 * each row written once however often its event comes.
 */
@Stateless
public class FactWriter {

    /** The export licence's review limit (3 working days from receipt, seed 001). */
    static final int LIMIT_WORKING_DAYS = 3;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @EJB
    private SchemaMigration schema;

    public void licence(@Observes LicenceEvent event) {
        if (event.kind() == LicenceEvent.Kind.ISSUED) {
            issued(event.licenceId());
        } else if (event.kind() == LicenceEvent.Kind.DELETED) {
            // 删证: it never took effect; its rows stay but count no more, and leave the monthly sums
            em.flush();
            if (schema.dialect() == SqlDialect.ORACLE) {
                OracleFacts.addToMonths(em, event.licenceId(), "-");
            } else {
                takeFromMonths(event.licenceId());
            }
            em.createNativeQuery("update licence_fact set counted = ? where licence_id = ?")
                    .setParameter(1, false).setParameter(2, event.licenceId()).executeUpdate();
            em.createNativeQuery("update licence_line_fact set counted = ? where licence_id = ?")
                    .setParameter(1, false).setParameter(2, event.licenceId()).executeUpdate();
        }
    }

    /**
     * A licence issued: its fact, its lines' facts and both monthly sums in one statement (PostgreSQL's
     * data-modifying WITH: one round trip instead of four, on every issue; on Oracle, {@link OracleFacts}).
     */
    private void issued(long licenceId) {
        Licence licence = em.find(Licence.class, licenceId);
        em.flush();
        LocalDate issuedOn = chinaDate(licence.getIssuedAtUtc());
        if (schema.dialect() == SqlDialect.ORACLE) {
            OracleFacts.issued(em, licenceId, issuedOn);
            return;
        }
        em.createNativeQuery("with f as (insert into licence_fact (licence_id, issued_on, trade_mode_code,"
                + " country_code, consignor_code, authority_code, enterprise_id, applicant, department, counted, kind,"
                + " total_usd, applied_on, port_code, contract_number, exporter_code)"
                + " select l.id, ?, a.trade_mode_code, a.country_code, a.consignor_code, l.authority_code,"
                + " l.enterprise_id, l.applicant, l.department, l.status <> 'DELETED', l.kind, l.total_usd,"
                + " cast((coalesce(a.submitted_at_utc, l.issued_at_utc) at time zone 'UTC') at time zone"
                + " 'Asia/Shanghai' as date), a.port_code, a.contract_number, a.exporter_code"
                + " from licence l join export_application a on a.id = l.application_id where l.id = ?"
                // written once however often the event comes
                + " and not exists (select 1 from licence_fact x where x.licence_id = l.id) returning *),"
                + " n as (insert into licence_line_fact (licence_id, line_number, licence_number, issued_on, applied_on,"
                + " authority_code, enterprise_id, applicant, department, counted, kind, trade_mode_code, country_code,"
                + " consignor_code, exporter_code, port_code, contract_number, commodity_code, category_code,"
                + " specification, unit_code, quantity, amount_usd, first_in_commodity, first_in_category,"
                + " first_in_grade, first_of_licence)"
                + " select f.licence_id, ll.line_number, l.licence_number, f.issued_on, f.applied_on, f.authority_code,"
                + " f.enterprise_id, f.applicant, f.department, f.counted, f.kind, f.trade_mode_code, f.country_code,"
                + " f.consignor_code, f.exporter_code, f.port_code, f.contract_number, ll.commodity_code,"
                + " c.category_code, ll.specification, ll.unit_code, ll.quantity, round(ll.amount * a.usd_rate, 2),"
                // the first line of each group a statistic counts licences in (see LineFact)
                + " row_number() over (partition by ll.commodity_code, ll.unit_code order by ll.line_number) = 1,"
                + " row_number() over (partition by c.category_code, ll.unit_code order by ll.line_number) = 1,"
                + " row_number() over (partition by c.category_code, ll.specification, ll.unit_code"
                + " order by ll.line_number) = 1,"
                + " row_number() over (order by ll.line_number) = 1"
                + " from f join licence l on l.id = f.licence_id"
                + " join export_application a on a.id = l.application_id"
                + " join licence_line ll on ll.licence_id = l.id"
                + " left join cat_commodity c on c.catalog_year = l.licence_year and c.code = ll.commodity_code"
                + " returning *),"
                + " lm as (insert into licence_month as m (month, authority_code, kind, trade_mode_code, country_code,"
                + " licences, total_usd) select cast(date_trunc('month', issued_on) as date), authority_code, kind,"
                + " trade_mode_code, country_code, 1, coalesce(total_usd, 0) from f where counted"
                + " on conflict (month, authority_code, kind, trade_mode_code, country_code) do update set"
                + " licences = m.licences + excluded.licences, total_usd = m.total_usd + excluded.total_usd"
                + " returning 1)"
                + " insert into goods_month as m (" + GOODS_MONTH_COLUMNS + ") " + goodsMonthRows("n", "")
                + " on conflict (" + GOODS_MONTH_KEY + ") do update set " + GOODS_MONTH_ADD)
                .setParameter(1, issuedOn).setParameter(2, licenceId).executeUpdate();
    }

    private static final String GOODS_MONTH_KEY = "month, authority_code, kind, trade_mode_code, country_code,"
            + " port_code, commodity_code, category_code, unit_code";
    private static final String GOODS_MONTH_COLUMNS = GOODS_MONTH_KEY + ", lines, licences_commodity,"
            + " licences_category, licences, quantity, amount_usd";
    private static final String GOODS_MONTH_ADD = "lines = m.lines + excluded.lines,"
            + " licences_commodity = m.licences_commodity + excluded.licences_commodity,"
            + " licences_category = m.licences_category + excluded.licences_category,"
            + " licences = m.licences + excluded.licences, quantity = m.quantity + excluded.quantity,"
            + " amount_usd = m.amount_usd + excluded.amount_usd";

    /**
     * The monthly sums of the counted lines in {@code source} (a table or a WITH's name), multiplied by
     * {@code sign} ("" or "-"), in the key's order: two issues adding to the same sums wait for each
     * other, never deadlock.
     */
    private static String goodsMonthRows(String source, String sign) {
        return "select cast(date_trunc('month', applied_on) as date), authority_code, kind, trade_mode_code,"
                + " country_code, coalesce(port_code, '" + MonthlySums.ABSENT + "'), commodity_code,"
                + " coalesce(category_code, '" + MonthlySums.ABSENT + "'), coalesce(unit_code, '" + MonthlySums.ABSENT
                + "'), " + sign + "count(*), " + sign + "count(*) filter (where first_in_commodity),"
                + " " + sign + "count(*) filter (where first_in_category), " + sign + "count(*) filter (where first_of_licence),"
                + " " + sign + "sum(quantity), " + sign + "coalesce(sum(amount_usd), 0)"
                + " from " + source + " where counted group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9";
    }

    /** Takes a deleted licence and its lines out of the monthly sums (before they stop counting). */
    private void takeFromMonths(long licenceId) {
        em.createNativeQuery("insert into licence_month as m (month, authority_code, kind, trade_mode_code,"
                + " country_code, licences, total_usd)"
                + " select cast(date_trunc('month', issued_on) as date), authority_code, kind, trade_mode_code,"
                + " country_code, -1, -coalesce(total_usd, 0) from licence_fact where licence_id = ? and counted"
                + " on conflict (month, authority_code, kind, trade_mode_code, country_code) do update set"
                + " licences = m.licences + excluded.licences, total_usd = m.total_usd + excluded.total_usd")
                .setParameter(1, licenceId).executeUpdate();
        em.createNativeQuery("insert into goods_month as m (" + GOODS_MONTH_COLUMNS + ") "
                + goodsMonthRows("(select * from licence_line_fact where licence_id = ?) n", "-")
                + " on conflict (" + GOODS_MONTH_KEY + ") do update set " + GOODS_MONTH_ADD)
                .setParameter(1, licenceId).executeUpdate();
    }

    /** A reviewer's decision (初审, 复审, 发证): its working days counted as the officer's queue counts them. */
    public void decided(@Observes ApplicationEvent event) {
        ReviewStage stage = switch (event.transition()) {
            case PASS_INITIAL_REVIEW, RETURN -> ReviewStage.INITIAL;
            case PASS_SECOND_REVIEW, REJECT -> ReviewStage.SECOND;
            case ISSUE -> ReviewStage.ISSUE;
            // submissions and withdrawals are the enterprise's; answering a withdrawal request decides no review
            default -> null;
        };
        if (stage == null) {
            return;
        }
        ExportApplication application = em.find(ExportApplication.class, event.applicationId());
        List<ApplicationStep> steps = application.getSteps();
        ApplicationStep step = steps.get(steps.size() - 1);
        LocalDate received = receivedOn(steps);
        if (received == null) {
            return;
        }
        LocalDate decided = chinaDate(step.getAtUtc());
        Timing timing = timing(catalogs.workingDays(), received, decided);
        // decision_fact's columns in order, then its month
        Object[] decision = {application.getId(), steps.size() - 1, application.getAuthorityCode(), step.getActor(),
            stage.name(), event.transition().name(), received, decided, timing.workingDays(), timing.inTime()};
        LocalDate month = decided.withDayOfMonth(1);
        if (schema.dialect() == SqlDialect.ORACLE) {
            OracleFacts.decided(em, decision, month);
            return;
        }
        // the decision and its month's sums in one statement (written once however often the event comes)
        Query query = em.createNativeQuery("with d as (insert into decision_fact (application_id, step_no,"
                + " authority_code, actor, stage, transition, received_on, decided_on, working_days, in_time)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning *)"
                + " insert into decision_month as m (month, authority_code, actor, stage, decisions, in_time,"
                + " working_days) select ?, authority_code, actor, stage, 1, case when in_time then 1 else 0 end,"
                + " working_days from d on conflict (month, authority_code, actor, stage) do update set"
                + " decisions = m.decisions + 1, in_time = m.in_time + excluded.in_time,"
                + " working_days = m.working_days + excluded.working_days");
        for (int i = 0; i < decision.length; i++) {
            query.setParameter(i + 1, decision[i]);
        }
        query.setParameter(decision.length + 1, month).executeUpdate();
    }

    /** Working days after receipt up to the decision, and whether it came on or before the limit's last day. */
    record Timing(int workingDays, boolean inTime) {
    }

    static Timing timing(WorkingDays days, LocalDate received, LocalDate decided) {
        return new Timing(days.elapsed(received, decided),
                !decided.isAfter(days.deadline(received, LIMIT_WORKING_DAYS)));
    }

    /** The day of the application's last (re)submission: the limit counts from there. */
    static LocalDate receivedOn(List<ApplicationStep> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ApplicationStep step = steps.get(i);
            if (step.getTo() == ApplicationState.PENDING_INITIAL_REVIEW
                    && step.getFrom() != ApplicationState.PENDING_WITHDRAWAL) {
                return chinaDate(step.getAtUtc());
            }
        }
        return null;
    }

    private static LocalDate chinaDate(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate();
    }
}
