package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.account.AccountService;
import org.xuke.account.Role;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;

/**
 * The fault test of issue 16 (in the bench profile because it kills the run's server: ./mvnw
 * -Pbench verify -Dit.test=CustomsFaultBenchmark). 500 approved applications are being issued by
 * two sessions when the Payara process (portal, broker and simulator alike) is killed with SIGKILL;
 * PostgreSQL keeps running. After the restart the issuers issue what had not been issued, and then
 * every issued licence must reach 海关入库成功: exactly one licence message per licence in the outbox,
 * every one received by the simulator, none stored twice there. Prints sent, received twice, lost.
 */
@ExtendWith(ArquillianExtension.class)
class CustomsFaultBenchmark {

    static final int LICENCES = 500;
    /** Killed once this many are issued (a third of the way) and some of their messages wait to be sent. */
    static final int KILL_AFTER = 150;
    static final long FIRST = 310_000_000L;
    private static final String PASSWORD = "Xk-2026-fault-customs-1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CustomsFaultBenchmark.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(CustomsFaultBenchmark.class);
    }

    @People
    void people() throws Exception {
        long company = enterprises.register("IT", ListPagesBenchmark.uscc(1_600_002), "PROV-JIANGSU",
                new EnterpriseDetails("江苏海关故障测试进出口公司", "3201020016002", "南京", "联系人", "025-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "GZJB", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-JIANGSU", "GZCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-JIANGSU", "GZFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-JIANGSU", "GZFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-JIANGSU", "GZJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
    }

    @Test
    @RunAsClient
    void noLicenceMessageIsLostOrAppliedTwiceWhenTheServerIsKilledWhileIssuing() throws Exception {
        Fixtures.licenceNumberCode("GZJG", PASSWORD, "JS");
        long template = CustomsLoad.approved("GZJB", "GZCS", "GZFS", PASSWORD, "HT-FAULT-CUSTOMS");
        CustomsLoad.copies(template, FIRST, LICENCES);

        CompletableFuture<CustomsLoad.Issued> issuing = CompletableFuture.supplyAsync(() -> {
            try {
                return CustomsLoad.issue(FIRST, LICENCES, "GZFZ", PASSWORD, 2, 5);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!issuing.isDone() && issued() < KILL_AFTER) {
            Thread.sleep(5);
        }
        assertFalse(issuing.isDone(), "still issuing when the server is killed");
        // killed in the window that matters: licences committed whose messages are not on the queue yet
        // (some milliseconds at a time at this rate: the server is frozen while the database is asked)
        boolean inTheWindow = StackSessionListener.stack().killPayara(() -> {
            try {
                return unsent() > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 500);
        // what the power cut left: committed licences, and of their messages those not yet on the queue
        long committed = issued();
        long unsent = unsent();
        long unanswered = committed - stored();
        CustomsLoad.Issued before = issuing.get();
        assertTrue(before.brokenRequests() > 0, "the issuers' requests broke off");
        assertTrue(inTheWindow && unsent > 0, "killed while messages of committed licences waited to be sent");
        StackSessionListener.stack().restartPayara();

        CustomsLoad.Issued after = CustomsLoad.issue(approvedLeft(), "GZFZ", PASSWORD, 2, 5);
        assertEquals(List.of(), after.refusals(), "the rest is issued after the restart");
        assertEquals(LICENCES, issued(), "every application issued once");
        CustomsLoad.awaitStored(FIRST, LICENCES);

        String mine = " from customs_sim.licence_message m join licence l on l.licence_number = m.licence_number"
                + " where l.application_id between ? and ?";
        long outbox = CustomsLoad.count("select count(*) from customs_outbox o join licence l on l.id = o.licence_id"
                + " where l.application_id between ? and ?", FIRST, FIRST + LICENCES - 1);
        long received = CustomsLoad.count("select count(*)" + mine, FIRST, FIRST + LICENCES - 1);
        long twice = CustomsLoad.count("select coalesce(sum(m.duplicates), 0)" + mine, FIRST, FIRST + LICENCES - 1);
        long storedAtCustoms = CustomsLoad.count("select count(*) from customs_sim.licence s join licence l"
                + " on l.licence_number = s.licence_number where l.application_id between ? and ? and s.version = 1",
                FIRST, FIRST + LICENCES - 1);
        long stored = stored();
        System.out.printf(Locale.ROOT, "[fault] killed (SIGKILL) after %d of %d licences were committed; of their"
                + " licence messages %d not yet sent, %d licences not yet answered by customs%n", committed, LICENCES,
                unsent, unanswered);
        System.out.printf(Locale.ROOT, "[fault] issued %d before the kill (%d requests broke off), %d after the"
                + " restart%n", before.licences(), before.brokenRequests(), after.licences());
        System.out.printf(Locale.ROOT, "[fault] licence messages sent (outbox) %d, received by customs %d, received"
                + " twice %d, stored at customs %d, 海关入库成功 in the portal %d, lost %d%n", outbox, received, twice,
                storedAtCustoms, stored, LICENCES - stored);
        assertEquals(LICENCES, outbox, "one licence message per licence");
        assertEquals(LICENCES, received, "customs received every message");
        assertEquals(LICENCES, storedAtCustoms, "customs stored each licence once, at its first version");
        assertEquals(LICENCES, stored, "every licence reached 海关入库成功");
    }

    private static long issued() throws Exception {
        return CustomsLoad.count("select count(*) from licence where application_id between ? and ?", FIRST,
                FIRST + LICENCES - 1);
    }

    private static long unsent() throws Exception {
        return CustomsLoad.count("select count(*) from customs_outbox o join licence l on l.id = o.licence_id"
                + " where l.application_id between ? and ? and o.sent_at_utc is null", FIRST, FIRST + LICENCES - 1);
    }

    private static long stored() throws Exception {
        return CustomsLoad.stored(FIRST, LICENCES);
    }

    private static List<Long> approvedLeft() throws Exception {
        List<Long> left = new ArrayList<>();
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "select id from export_application where id between ? and ? and state = 'APPROVED' order by id")) {
            s.setLong(1, FIRST);
            s.setLong(2, FIRST + LICENCES - 1);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    left.add(row.getLong(1));
                }
            }
        }
        return left;
    }
}
