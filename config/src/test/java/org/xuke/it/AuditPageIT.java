package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
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
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;

/** The audit page: a system administrator searches the log and checks the chain; nobody else opens it. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPageIT {

    private static final String PAGE = PortalClient.HTTPS + "/officer/audit.xhtml";
    private static final String PASSWORD = "Xk-2026-audit-5";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(AuditPageIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(AuditPageIT.class);
    }

    @People
    void administrators() throws Exception {
        var admin = accounts.createSystemAdministrator("IT", "SYSADM", "系统管理员");
        accounts.changePassword("SYSADM", admin.oneTimePassword(), PASSWORD.toCharArray(), "127.0.0.1");
        Files.createDirectories(Fixtures.DIR);
        Files.write(Fixtures.ekey("SYSADM"), certificates.issue("IT", "SYSADM", Fixtures.EKEY_PASSWORD).loginPkcs12());
        Fixtures.officer(accounts, certificates, "PROV-JILIN", "JLADMIN", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
    }

    @Test
    @Order(2)
    @RunAsClient
    void systemAdministratorSearchesTheLogAndChecksTheChain() throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("SYSADM"), Fixtures.EKEY_PASSWORD);
        browser.login("SYSADM", PASSWORD);
        HttpResponse<String> page = browser.get(PAGE);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("LOGIN_SUCCEEDED") && page.body().contains("SYSADM"), "own sign-in listed");

        String found = browser.submit(PAGE, "audit", Map.of("audit:actor", "JLADMIN", "audit:action", "",
                "audit:subject", "", "audit:from_input", "", "audit:to_input", "", "audit:search", "")).body();
        assertTrue(found.contains("PASSWORD_CHANGED") && !found.contains("LOGIN_SUCCEEDED"), "filtered by actor");

        List<Long> newest = positions(page.body());
        assertTrue(newest.size() > 1 && newest.get(0) > newest.get(1), "newest first: " + newest);
        List<Long> oldest = positions(browser.sortBy(PAGE, "audit", "audit:events:position", 1));
        assertTrue(oldest.size() > 1 && oldest.get(1) > oldest.get(0)
                && oldest.get(0) <= newest.stream().mapToLong(Long::longValue).min().orElseThrow(),
                "in the order written, from the first entry: " + oldest);
        assertEquals(newest.get(0), positions(browser.sortBy(PAGE, "audit", "audit:events:position", -1)).get(0));

        String checked = browser.submit(PAGE, "audit", Map.of("audit:actor", "", "audit:action", "",
                "audit:subject", "", "audit:from_input", "", "audit:to_input", "", "audit:verify", "")).body();
        assertTrue(checked.contains("审计日志完整：已校验"), "chain check reported");
    }

    private static List<Long> positions(String page) {
        return PortalClient.findAll(page, "class=\"audit-position\">(\\d+)<").stream().map(Long::valueOf).toList();
    }

    @Test
    @Order(3)
    @RunAsClient
    void anAuthorityAdministratorMayNotReadTheWholeLog() throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("JLADMIN"), Fixtures.EKEY_PASSWORD);
        browser.login("JLADMIN", PASSWORD);
        assertEquals(403, browser.get(PAGE).statusCode());
    }
}
