package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;

/**
 * Every transition and every refusal of the application boundary, called as the signed-in
 * caller through a test-only servlet ({@link ServiceProbe}) for what the pages never offer: a step
 * in the wrong state, a step of another role, another company's or authority's application, an
 * officer acting as an enterprise and the reverse, a stale version; and a bulk decision in the
 * officer queue, each application decided on its own.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationRefusalIT {

    private static final String PASSWORD = "Xk-2026-refusal-flow-8";
    private static final String ENTERPRISE_PROBE = PortalClient.HTTPS + "/enterprise/it-probe";
    private static final String OFFICER_PROBE = PortalClient.HTTPS + "/officer/it-probe";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ApplicationRefusalIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ApplicationRefusalIT.class);
    }

    @People
    void people() throws Exception {
        long company = enterprises.register("IT", "91210102MA0XUKE201", "PROV-LIAONING", new EnterpriseDetails(
                "辽宁拒绝路径测试公司", "2101020000201", "沈阳", "联系人", "024-3", null)).getId();
        long other = enterprises.register("IT", "91210102MA0XUKE214", "PROV-LIAONING", new EnterpriseDetails(
                "辽宁拒绝路径另一公司", "2101020000214", "沈阳", "联系人", "024-4", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "JJQY", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, other, "JJQT", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "JJCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "JJFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "JJGD", PASSWORD,
                Set.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER));
        Fixtures.provider(accounts, certificates, "JJFW", PASSWORD);
    }

    private static PortalClient signedIn(String username) throws Exception {
        return Fixtures.signedIn(username, PASSWORD);
    }

    private static String call(PortalClient who, String probe, String op, long id) throws Exception {
        return who.get(probe + "?op=" + op + "&id=" + id).body().strip();
    }

    @Test
    @Order(2)
    @RunAsClient
    void eachStepOnlyFromItsStatesByItsRoleInItsScope() throws Exception {
        PortalClient enterprise = signedIn("JJQY");
        PortalClient other = signedIn("JJQT");
        PortalClient initial = signedIn("JJCS");
        PortalClient second = signedIn("JJFS");
        PortalClient guangdong = signedIn("JJGD");
        long id = ExportApplicationIT.newApplication(enterprise, "8112921000", "10", "HT-JJ-01");

        // a draft: no officer step, no withdrawal
        assertEquals("REFUSED application.wrongState", call(initial, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "withdraw", id));
        // another company, another authority: not found; roles of the other side: refused
        assertEquals("REFUSED application.notFound", call(other, ENTERPRISE_PROBE, "submit", id));
        assertEquals("REFUSED application.notFound", call(guangdong, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals("REFUSED access.denied", call(initial, OFFICER_PROBE, "submit", id));
        assertEquals("REFUSED access.denied", call(enterprise, ENTERPRISE_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals(403, enterprise.get(OFFICER_PROBE + "?op=RETURN&id=" + id).statusCode(),
                "the officer portal is closed to enterprise users");
        PortalClient provider = signedIn("JJFW");
        assertEquals("REFUSED access.denied", call(provider, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id),
                "the e-key provider has no part in licences");
        assertEquals(403, provider.get(PortalClient.HTTPS + "/officer/application.xhtml?id=" + id).statusCode());
        assertEquals(403, provider.get(PortalClient.HTTPS + "/officer/applications.xhtml").statusCode());

        assertEquals("OK PENDING_INITIAL_REVIEW", call(enterprise, ENTERPRISE_PROBE, "submit", id));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "submit", id));
        assertEquals("REFUSED application.wrongRole", call(second, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals("REFUSED application.wrongRole", call(initial, OFFICER_PROBE, "SUBMIT", id));
        assertEquals("REFUSED application.opinionRequired", initial.get(OFFICER_PROBE
                + "?op=RETURN&id=" + id + "&opinion=").body().strip(), "a return needs an opinion");
        assertEquals("REFUSED application.concurrentChange", initial.get(OFFICER_PROBE
                + "?op=PASS_INITIAL_REVIEW&id=" + id + "&version=0").body().strip(), "a stale version");
        // 撤销: a request the initial reviewer decides; nothing else happens to it meanwhile
        assertEquals("REFUSED application.wrongState", call(initial, OFFICER_PROBE, "AGREE_WITHDRAWAL", id),
                "nothing was requested");
        assertEquals("OK PENDING_WITHDRAWAL", call(enterprise, ENTERPRISE_PROBE, "withdraw", id));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "withdraw", id));
        assertEquals("REFUSED application.wrongState", call(initial, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals("REFUSED application.wrongRole", call(second, OFFICER_PROBE, "AGREE_WITHDRAWAL", id));
        assertEquals("REFUSED access.denied", call(enterprise, ENTERPRISE_PROBE, "AGREE_WITHDRAWAL", id),
                "the enterprise does not decide its own request");
        assertEquals("REFUSED application.notFound", call(guangdong, OFFICER_PROBE, "AGREE_WITHDRAWAL", id));
        assertEquals("REFUSED application.opinionRequired", initial.get(OFFICER_PROBE
                + "?op=REFUSE_WITHDRAWAL&id=" + id + "&opinion=").body().strip(), "a refusal says why");
        assertEquals("OK PENDING_INITIAL_REVIEW", call(initial, OFFICER_PROBE, "REFUSE_WITHDRAWAL", id));
        assertEquals("OK PENDING_SECOND_REVIEW", call(initial, OFFICER_PROBE, "PASS_INITIAL_REVIEW", id));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "withdraw", id));
        assertEquals("REFUSED application.wrongRole", call(initial, OFFICER_PROBE, "PASS_SECOND_REVIEW", id));
        assertEquals("REFUSED application.wrongState", call(second, OFFICER_PROBE, "issue", id), "not approved yet");
        assertEquals("OK APPROVED", call(second, OFFICER_PROBE, "PASS_SECOND_REVIEW", id));
        assertEquals("REFUSED application.wrongRole", call(second, OFFICER_PROBE, "issue", id), "issuers issue");
        assertEquals("REFUSED application.wrongState", call(second, OFFICER_PROBE, "REJECT", id));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "submit", id));
    }

    @Test
    @Order(3)
    @RunAsClient
    void aBulkDecisionDecidesEachSelectedApplicationOnItsOwn() throws Exception {
        PortalClient enterprise = signedIn("JJQY");
        long a = ExportApplicationIT.newApplication(enterprise, "8112921000", "5", "HT-JJ-02");
        long b = ExportApplicationIT.newApplication(enterprise, "8112921000", "6", "HT-JJ-03");
        assertEquals("OK PENDING_INITIAL_REVIEW", call(enterprise, ENTERPRISE_PROBE, "submit", a));
        assertEquals("OK PENDING_INITIAL_REVIEW", call(enterprise, ENTERPRISE_PROBE, "submit", b));
        PortalClient initial = signedIn("JJCS");
        String queue = PortalClient.HTTPS + "/officer/applications.xhtml?stage=INITIAL";
        initial.get(queue);
        String returned = initial.submit(queue, "queue", Map.of("queue:applications_selection", a + "," + b,
                "queue:return", "")).body();
        assertTrue(returned.contains("已处理 0 件，共选中 2 件"), "a return without an opinion, twice");
        String passed = initial.submit(queue, "queue", Map.of("queue:applications_selection", a + "," + b,
                "queue:passInitial", "")).body();
        assertTrue(passed.contains("已处理 2 件，共选中 2 件"), passed);
        assertEquals("REFUSED application.wrongState", call(initial, OFFICER_PROBE, "PASS_INITIAL_REVIEW", a));
        PortalClient second = signedIn("JJFS");
        assertEquals("OK REJECTED", call(second, OFFICER_PROBE, "REJECT", b));
        assertEquals("REFUSED application.wrongState", call(enterprise, ENTERPRISE_PROBE, "submit", b),
                "a rejected application is final");
        assertEquals("OK DRAFT", call(enterprise, ENTERPRISE_PROBE, "copy", b), "but it may be copied");
    }
}
