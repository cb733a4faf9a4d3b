package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;

/**
 * 用户管理 over HTTPS: an authority administrator creates an officer (one-time password shown
 * once), a second administrator makes his e-key (one administrator never hands out both the
 * password and the e-key of another person's account), with which he signs in; unlocks and resets a user of an enterprise his
 * authority serves; the other province's administrator reaches none of it; enterprise users do
 * not open the page at all.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountAdminIT {

    private static final String PASSWORD = "Xk-2026-yonghu-guanli-4";
    private static final String PAGE = PortalClient.HTTPS + "/officer/accounts.xhtml";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(AccountAdminIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    AuditLog audit;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(AccountAdminIT.class);
    }

    @People
    void administratorsAndALockedEnterpriseUser() throws Exception {
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "LNGUANLI", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "LNFUGL", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "GDGUANLI", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.systemAdministrator(accounts, certificates, "XTZONG", PASSWORD);
        long company = enterprises.register("IT", "91210102MA0XUKE06H", "PROV-LIAONING",
                new EnterpriseDetails("辽宁用户管理测试公司", null, null, null, null, null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "SUODING", PASSWORD, true);
        for (int i = 0; i < 5; i++) {
            accounts.login("SUODING", "wrong-password-9".toCharArray(), "it");
        }
    }

    private static PortalClient signedIn(String username) throws Exception {
        return Fixtures.signedIn(username, PASSWORD);
    }

    @Test
    @Order(2)
    @RunAsClient
    void theAuthorityAdministratorCreatesAnOfficerWhoSignsInWithHisNewEkey() throws Exception {
        PortalClient admin = signedIn("LNGUANLI");
        String list = admin.get(PAGE).body();
        assertTrue(list.contains("SUODING") && list.contains("已锁定"), "his enterprise's locked user is listed");
        assertFalse(list.contains("GDGUANLI"), "the other province's administrator is not");

        String created = admin.submit(PAGE, "create", Map.of("create:username", "lnchu", "create:displayName", "辽宁初审员",
                "create:roles", "INITIAL_REVIEWER", "create:create", "")).body();
        String oneTime = PortalClient.find(created, "id=\"one-time\">([A-Za-z0-9]{16})<");
        assertTrue(created.contains("用户 LNCHU 已建立"), "user names are upper case");
        String taken = admin.submit(PAGE, "create", Map.of("create:username", "LNCHU", "create:displayName", "重复",
                "create:roles", "ISSUER", "create:create", "")).body();
        assertTrue(taken.contains("已被使用"), "a taken user name is refused");

        admin.get(PAGE);
        String refused = admin.submit(PAGE, "act", Map.of("act:target", "LNCHU", "act:keyPassword", "Officer-key-1",
                "act:makeEkey", "")).body();
        assertTrue(refused.contains("职责分离") && !refused.contains("电子钥匙已制作"),
                "who handed out the one-time password does not make the e-key too: " + refused);
        PortalClient second = signedIn("LNFUGL");
        second.get(PAGE);
        String made = second.submit(PAGE, "act", Map.of("act:target", "LNCHU", "act:keyPassword", "Officer-key-1",
                "act:makeEkey", "")).body();
        assertTrue(made.contains("电子钥匙已制作"), made);
        HttpResponse<byte[]> file = second.submitForBytes(PAGE, "download", Map.of("download:download", ""));
        assertEquals(200, file.statusCode());
        Path key = Fixtures.DIR.resolve("LNCHU-admin.p12");
        Files.write(key, file.body());
        PortalClient officer = PortalClient.withEkey(key, "Officer-key-1".toCharArray());
        assertTrue(officer.login("LNCHU", oneTime).uri().getPath().endsWith("/account/password.xhtml"),
                "the new officer signs in with his e-key and the one-time password");

        second.get(PAGE);
        assertTrue(second.submit(PAGE, "act", Map.of("act:target", "LNCHU", "act:reset", "")).body()
                .contains("职责分离"), "who made the e-key does not reset the password");
        admin.get(PAGE);
        assertTrue(admin.submit(PAGE, "act", Map.of("act:target", "LNCHU", "act:reset", "")).body()
                .contains("id=\"one-time\""), "the other administrator may");

        admin.get(PAGE);
        String enterpriseKey = admin.submit(PAGE, "act", Map.of("act:target", "SUODING",
                "act:keyPassword", "Officer-key-1", "act:makeEkey", "")).body();
        assertTrue(enterpriseKey.contains("须通过电子钥匙业务办理申请"), "enterprise keys only by e-key request");

        List<String> byName = PortalClient.findAll(admin.sortBy(PAGE, "list", "list:accounts:username", 1),
                "class=\"account-username\">([^<]+)<");
        assertTrue(byName.size() > 2 && byName.contains("LNCHU"), byName.toString());
        List<String> sorted = new ArrayList<>(byName);
        sorted.sort(null);
        assertEquals(sorted, byName, "by user name");
        Collections.reverse(sorted);
        assertEquals(sorted, PortalClient.findAll(admin.sortBy(PAGE, "list", "list:accounts:username", -1),
                "class=\"account-username\">([^<]+)<"));
        for (int direction : new int[] {1, -1}) {
            List<String> logins = PortalClient.findAll(admin.sortBy(PAGE, "list", "list:accounts:lastLoginUtc",
                    direction), "class=\"account-login\">([^<]*)<");
            List<String> signedIn = logins.stream().takeWhile(t -> !t.isEmpty()).toList();
            assertFalse(signedIn.isEmpty(), "someone signed in: " + logins);
            assertTrue(logins.subList(signedIn.size(), logins.size()).stream().allMatch(String::isEmpty),
                    "never signed in comes last: " + logins);
            List<String> expected = new ArrayList<>(signedIn);
            expected.sort(direction == 1 ? Comparator.naturalOrder() : Comparator.reverseOrder());
            assertEquals(expected, signedIn, "by last sign-in, direction " + direction);
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void theOtherProvinceReachesNothingAndEnterpriseUsersNotThePage() throws Exception {
        PortalClient other = signedIn("GDGUANLI");
        String list = other.get(PAGE).body();
        assertFalse(list.contains("SUODING") || list.contains("LNCHU"), "nothing of Liaoning listed");
        String refused = other.submit(PAGE, "act", Map.of("act:target", "SUODING", "act:unlock", "")).body();
        assertTrue(refused.contains("找不到用户“SUODING”"), "another province's user reads as missing");

        assertEquals(403, signedInAsLocked().statusCode(), "an enterprise user may not open 用户管理");
    }

    /** SUODING is locked; once unlocked by his authority (below) he is an ordinary enterprise user. */
    private static HttpResponse<String> signedInAsLocked() throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("SUODING"), Fixtures.EKEY_PASSWORD);
        String locked = browser.login("SUODING", PASSWORD).body();
        assertTrue(locked.contains("已锁定"), "still locked before the administrator acts");
        PortalClient admin = signedIn("LNGUANLI");
        admin.get(PAGE);
        assertTrue(admin.submit(PAGE, "act", Map.of("act:target", "suoding", "act:unlock", "")).body()
                .contains("用户 SUODING 已解锁"));
        browser.login("SUODING", PASSWORD);
        return browser.get(PAGE);
    }

    @Test
    @Order(4)
    @RunAsClient
    void aResetPasswordIsShownOnceAndMustBeChanged() throws Exception {
        PortalClient admin = signedIn("LNGUANLI");
        admin.get(PAGE);
        String reset = admin.submit(PAGE, "act", Map.of("act:target", "SUODING", "act:reset", "")).body();
        String oneTime = PortalClient.find(reset, "id=\"one-time\">([A-Za-z0-9]{16})<");
        PortalClient user = PortalClient.withEkey(Fixtures.ekey("SUODING"), Fixtures.EKEY_PASSWORD);
        assertFalse(user.login("SUODING", PASSWORD).uri().getPath().endsWith("/enterprise/index.xhtml"),
                "the old password no longer works");
        assertTrue(user.login("SUODING", oneTime).uri().getPath().endsWith("/account/password.xhtml"));
    }

    @Test
    @Order(5)
    void refusalsForSeparationOfDutiesAreAudited() {
        assertEquals(1, audit.count(new AuditFilter("LNGUANLI", "SEPARATION_OF_DUTIES_REFUSED", "LNCHU", null, null)));
        assertEquals(1, audit.count(new AuditFilter("LNFUGL", "SEPARATION_OF_DUTIES_REFUSED", "LNCHU", null, null)));
        assertEquals(1, audit.count(new AuditFilter("LNFUGL", "CERTIFICATE_ISSUED", "LNCHU", null, null)));
    }

    @Test
    @Order(6)
    @RunAsClient
    void aSystemAdministratorMakesNoKeyForHisOwnNewOfficerWhileAnotherAdministratorCould() throws Exception {
        PortalClient system = signedIn("XTZONG");
        system.get(PAGE);
        String created = system.submit(PAGE, "create", Map.of("create:username", "gdchu", "create:displayName",
                "广东初审员", "create:authority_input", "PROV-GUANGDONG", "create:roles", "INITIAL_REVIEWER",
                "create:create", "")).body();
        assertTrue(created.contains("用户 GDCHU 已建立"), created);
        system.get(PAGE);
        String refused = system.submit(PAGE, "act", Map.of("act:target", "GDCHU", "act:keyPassword", "Officer-key-1",
                "act:makeEkey", "")).body();
        assertTrue(refused.contains("职责分离") && !refused.contains("电子钥匙已制作"),
                "Guangdong's administrator holds an e-key and can make it: no waiver (only a bureau's first"
                        + " administrators get one, RunbookIT): " + refused);
        PortalClient authority = signedIn("GDGUANLI");
        authority.get(PAGE);
        assertTrue(authority.submit(PAGE, "act", Map.of("act:target", "GDCHU", "act:keyPassword", "Officer-key-1",
                "act:makeEkey", "")).body().contains("电子钥匙已制作"), "the authority's administrator makes it");
    }

    @Test
    @Order(7)
    void theSystemAdministratorsRefusalIsAuditedAndNothingWasWaived() {
        assertEquals(1, audit.count(new AuditFilter("XTZONG", "SEPARATION_OF_DUTIES_REFUSED", "GDCHU", null, null)));
        assertEquals(0, audit.count(new AuditFilter("XTZONG", "SEPARATION_OF_DUTIES_WAIVED", null, null, null)));
    }
}
