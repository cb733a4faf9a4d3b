package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.platform.DomainRuleException;
import org.xuke.quota.QuotaAllocation;
import org.xuke.quota.QuotaClaim;
import org.xuke.quota.QuotaService;

/**
 * The quota boundary against PostgreSQL, without pages: holds, releases, draws and returns keep the
 * allocation's figures, are audited, are refused rather than over-commit, go negative or count twice,
 * and concurrent holds never take more than is left. Each test has an enterprise of its own.
 */
@ExtendWith(ArquillianExtension.class)
class QuotaServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(QuotaServiceIT.class);
    }

    @Inject
    QuotaService quota;

    @Inject
    EnterpriseService enterprises;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    /** A new enterprise with {@code allocated} of category QT01 in 2026 (as an administrator would set it). */
    private long enterpriseWithQuota(String uscc, String code, String allocated) throws Exception {
        long id = enterprises.register("IT", uscc, "PROV-LIAONING", new EnterpriseDetails("配额测试公司" + code, code,
                "沈阳", "联系人", "024-9", null)).getId();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("insert into "
                + "quota_allocation (id, version, enterprise_id, quota_year, category_code, allocated, used, held, "
                + "updated_by) values (nextval('quota_allocation_seq'), 0, ?, 2026, 'QT01', ?, 0, 0, 'IT')")) {
            s.setLong(1, id);
            s.setBigDecimal(2, new BigDecimal(allocated));
            s.executeUpdate();
        }
        return id;
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    private static QuotaClaim claim(long enterprise, String quantity, String reference) {
        return new QuotaClaim(enterprise, 2026, "QT01", new BigDecimal(quantity), reference);
    }

    private QuotaAllocation allocation(long enterprise) {
        return quota.allocation(enterprise, 2026, "QT01");
    }

    private long audited(String action, String subjectStart) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from audit_event where action = ? and subject_type = 'quota' and subject_id like ?")) {
            s.setString(1, action);
            s.setString(2, subjectStart + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void holdReleaseDrawAndGiveBackKeepTheFigures() throws Exception {
        long e = enterpriseWithQuota("91210102MA0XUKQ11U", "2101020000901", "100");
        inTransaction(() -> {
            quota.hold(claim(e, "60", "Q-A"), "IT");
            quota.hold(claim(e, "60", "Q-A"), "IT");
            return null;
        });
        assertEquals(0, new BigDecimal("60").compareTo(allocation(e).getHeld()), "a second hold of one application counts once");
        DomainRuleException exceeded = assertThrows(DomainRuleException.class,
                () -> inTransaction(() -> {
                    quota.hold(claim(e, "41", "Q-B"), "IT");
                    return null;
                }));
        assertEquals("quota.exceeded", exceeded.key());
        assertEquals(List.of("QT01", "100", "0", "60", "40", "41"), exceeded.arguments());

        inTransaction(() -> {
            quota.release("Q-A", "IT");
            quota.release("Q-UNKNOWN", "IT");
            return null;
        });
        assertEquals(0, allocation(e).getHeld().signum(), "released");
        inTransaction(() -> {
            quota.hold(claim(e, "60", "Q-A"), "IT");
            quota.draw(claim(e, "60", "Q-A"), "26QT000001", "IT");
            return null;
        });
        QuotaAllocation drawn = allocation(e);
        assertEquals(0, drawn.getHeld().signum(), "the draw takes the hold's place");
        assertEquals(0, new BigDecimal("60").compareTo(drawn.getUsed()));
        assertEquals(0, new BigDecimal("40").compareTo(drawn.remaining()));

        DomainRuleException twice = assertThrows(DomainRuleException.class, () -> inTransaction(() -> {
            quota.draw(claim(e, "10", "Q-C"), "26QT000001", "IT");
            return null;
        }));
        assertEquals("quota.drawnTwice", twice.key());
        DomainRuleException tooMuch = assertThrows(DomainRuleException.class, () -> inTransaction(
                () -> quota.giveBack("26QT000001", new BigDecimal("61"), "deleted", "IT")));
        assertEquals("quota.returnTooMuch", tooMuch.key());
        assertTrue(inTransaction(() -> quota.giveBack("26QT000001", new BigDecimal("20"), "written off", "IT")));
        assertFalse(inTransaction(() -> quota.giveBack("26QT999999", BigDecimal.ONE, "deleted", "IT")),
                "a licence that drew no quota gives nothing back");
        assertEquals(0, new BigDecimal("40").compareTo(allocation(e).getUsed()));
        assertEquals(0, new BigDecimal("40").compareTo(quota.outstanding("26QT000001")));

        String subject = e + "/2026/QT01";
        assertEquals(2, audited("QUOTA_HELD", subject));
        assertEquals(1, audited("QUOTA_RELEASED", subject), "releasing what was never held records nothing");
        assertEquals(1, audited("QUOTA_DRAWN", subject));
        assertEquals(1, audited("QUOTA_RETURNED", subject));
    }

    @Test
    void noAllocationNoHold() throws Exception {
        long e = enterpriseWithQuota("91210102MA0XUKQ12Y", "2101020000902", "10");
        DomainRuleException none = assertThrows(DomainRuleException.class, () -> inTransaction(() -> {
            quota.hold(new QuotaClaim(e, 2027, "QT01", BigDecimal.ONE, "Q-X"), "IT");
            return null;
        }));
        assertEquals("quota.none", none.key());
    }

    @Test
    void concurrentHoldsNeverTakeMoreThanIsLeft() throws Exception {
        long e = enterpriseWithQuota("91210102MA0XUKQ132", "2101020000903", "100");
        List<Future<Boolean>> holds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String reference = "Q-P" + i;
            holds.add(executor.submit(() -> {
                try {
                    inTransaction(() -> {
                        quota.hold(claim(e, "15", reference), "IT");
                        return null;
                    });
                    return true;
                } catch (DomainRuleException refused) {
                    return false;
                }
            }));
        }
        int granted = 0;
        for (Future<Boolean> hold : holds) {
            try {
                granted += hold.get() ? 1 : 0;
            } catch (ExecutionException ex) {
                throw new AssertionError(ex.getCause());
            }
        }
        assertEquals(6, granted, "six holds of 15 fit in 100");
        assertEquals(0, new BigDecimal("90").compareTo(allocation(e).getHeld()));
    }
}
