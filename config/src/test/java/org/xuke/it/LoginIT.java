package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
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
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;

/** Signing in over real HTTPS with the e-key certificate and the password, and every refusal. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginIT {

    private static final String READY_PASSWORD = "Xk-2026-login-pw";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(LoginIT.class);
    }

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(LoginIT.class);
    }

    @People
    void accountsWithEkeys() throws Exception {
        Enterprise company = enterprises.register("IT", "91110000802100433B", "PROV-BEIJING",
                new EnterpriseDetails("北京登录测试公司", null, null, null, null, null));
        Fixtures.enterpriseUser(accounts, certificates, company.getId(), "FIRST", null, true);
        Fixtures.enterpriseUser(accounts, certificates, company.getId(), "READY", READY_PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, company.getId(), "GONE", READY_PASSWORD, true);
        certificates.revoke("IT", certificates.loginSerialOf("GONE"),
                CertificateIssuer.Revocation.CESSATION_OF_OPERATION);
        Fixtures.officer(accounts, certificates, "PROV-BEIJING", "OFFICER", "Rev-2026-secure-x",
                Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-BEIJING", "RACE", READY_PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        // e-keys of the deployment CA for READY, never stored: one whose validity ended yesterday, and
        // the same made valid, to show that only the expiry differs
        java.time.Instant now = java.time.Instant.now();
        writeEkey("READY-expired.p12", now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(1)));
        writeEkey("READY-unstored.p12", now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(1)));
    }

    private void writeEkey(String file, java.time.Instant from, java.time.Instant until) throws Exception {
        org.xuke.identity.DeploymentCa ca = authority.get();
        java.security.KeyPair keys = CertificateIssuer.newKeyPair(org.xuke.identity.KeyKind.EC_P256);
        java.security.cert.X509Certificate certificate = ca.issue(org.xuke.identity.DeploymentCa.TLS_CA,
                new org.bouncycastle.asn1.x500.X500Name("C=CN,O=Beijing login test,CN=READY"), keys.getPublic(), from,
                until, CertificateIssuer.Purpose.TLS_CLIENT);
        java.util.List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>(java.util.List.of(certificate));
        chain.addAll(ca.chain(org.xuke.identity.DeploymentCa.TLS_CA));
        java.nio.file.Files.write(Fixtures.DIR.resolve(file),
                org.xuke.identity.Pkcs12.export(keys.getPrivate(), chain, Fixtures.EKEY_PASSWORD));
    }

    @Inject
    org.xuke.identity.CertificateAuthorityProvider authority;

    @Test
    @Order(5)
    @RunAsClient
    void anExpiredEkeyIsRefused() throws Exception {
        // the HTTPS listener itself refuses the expired certificate: the handshake is cut
        PortalClient expired = PortalClient.withEkey(Fixtures.DIR.resolve("READY-expired.p12"), Fixtures.EKEY_PASSWORD);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> expired.login("READY", READY_PASSWORD));
        // while the same certificate within its validity passes TLS and is refused by the portal,
        // which issued no such e-key to READY
        PortalClient valid = PortalClient.withEkey(Fixtures.DIR.resolve("READY-unstored.p12"), Fixtures.EKEY_PASSWORD);
        assertTrue(valid.login("READY", READY_PASSWORD).body().contains("未检测到本系统签发的电子钥匙证书"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void firstSignInForcesANewPasswordThenOpensThePortal() throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("FIRST"), Fixtures.EKEY_PASSWORD);
        String oneTime = Fixtures.oneTimePassword("FIRST");
        HttpResponse<String> landed = browser.login("first", oneTime);
        assertTrue(landed.uri().getPath().endsWith("/account/password.xhtml"), landed.uri().toString());

        String url = PortalClient.HTTPS + "/account/password.xhtml";
        String mismatch = browser.submit(url, "password", Map.of("password:current", oneTime,
                "password:chosen", "Xk-2026-renewed-9", "password:repeated", "Xk-2026-renewed-8", "password:submit", "")).body();
        assertTrue(mismatch.contains("两次输入的新密码不一致"));
        String weak = browser.submit(url, "password", Map.of("password:current", oneTime,
                "password:chosen", "99999999abc", "password:repeated", "99999999abc", "password:submit", "")).body();
        assertTrue(weak.contains("不能使用默认口令"), "default password refused");
        HttpResponse<String> changed = browser.submit(url, "password", Map.of("password:current", oneTime,
                "password:chosen", "Xk-2026-renewed-9", "password:repeated", "Xk-2026-renewed-9", "password:submit", ""));
        assertTrue(changed.body().contains("密码已修改，请用新密码重新登录"),
                () -> "asked to sign in again: " + changed.uri() + " " + changed.statusCode() + "\n" + changed.body());

        HttpResponse<String> portal = browser.login("FIRST", "Xk-2026-renewed-9");
        assertTrue(portal.uri().getPath().endsWith("/enterprise/index.xhtml"), portal.uri().toString());
        assertTrue(portal.body().contains("FIRST") && portal.body().contains("退出"), "signed-in header");

        HttpResponse<String> out = browser.submit(portal.uri().toString(), "session", Map.of("session:logout", "退出"));
        assertTrue(out.uri().getPath().endsWith("/index.xhtml") && !out.body().contains("FIRST"), out.uri().toString());
        assertTrue(browser.get(PortalClient.HTTPS + "/enterprise/index.xhtml").body().contains("id=\"login\""),
                "signed out: the portal asks for the sign-in again");
    }

    @Test
    @Order(3)
    @RunAsClient
    void withoutTheEkeyTheRightPasswordIsNotEnough() throws Exception {
        assertTrue(PortalClient.withoutEkey().login("READY", READY_PASSWORD).body()
                .contains("未检测到本系统签发的电子钥匙证书"));
    }

    @Test
    @Order(4)
    @RunAsClient
    void anotherUsersEkeyIsRefused() throws Exception {
        assertTrue(PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD)
                .login("OFFICER", "Rev-2026-secure-x").body().contains("电子钥匙证书不属于该用户名"));
    }

    @Test
    @Order(5)
    @RunAsClient
    void aRevokedEkeyIsRefused() throws Exception {
        assertTrue(PortalClient.withEkey(Fixtures.ekey("GONE"), Fixtures.EKEY_PASSWORD)
                .login("GONE", READY_PASSWORD).body().contains("该电子钥匙证书已注销"));
    }

    @Test
    @Order(6)
    @RunAsClient
    void aWrongPasswordIsRefusedAndRoleLimitsWhatASignedInUserOpens() throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD);
        assertTrue(browser.login("READY", "not-the-password-1").body().contains("用户名或密码错误"));
        HttpResponse<String> portal = browser.login("READY", READY_PASSWORD);
        assertTrue(portal.uri().getPath().endsWith("/enterprise/index.xhtml"), portal.uri().toString());
        HttpResponse<String> officer = browser.get(PortalClient.HTTPS + "/officer/index.xhtml");
        assertEquals(403, officer.statusCode());
        assertTrue(officer.body().contains("您没有访问此页面的权限"));
    }

    @Test
    @Order(7)
    @RunAsClient
    void thePortalOverPlainHttpSendsToTheHttpsSignIn() throws Exception {
        HttpResponse<String> response = PortalClient.withoutEkey().get(PortalClient.HTTP + "/enterprise/index.xhtml");
        assertEquals("https", response.uri().getScheme());
        assertTrue(response.uri().getPath().endsWith("/login.xhtml"), response.uri().toString());
        assertTrue(response.body().contains("电子钥匙登录"));
    }

    @Test
    @Order(8)
    @RunAsClient
    void aCopiedSessionCookieIsWorthNothingWithoutTheEkeyItSignedInWith() throws Exception {
        String portal = PortalClient.HTTPS + "/enterprise/index.xhtml";
        PortalClient owner = PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD);
        assertTrue(owner.login("READY", READY_PASSWORD).uri().getPath().endsWith("/enterprise/index.xhtml"));
        java.net.HttpCookie session = owner.sessionCookie();

        PortalClient withAnotherEkey = PortalClient.withEkey(Fixtures.ekey("FIRST"), Fixtures.EKEY_PASSWORD);
        withAnotherEkey.useCookie(session);
        HttpResponse<String> refused = withAnotherEkey.get(portal);
        assertTrue(refused.uri().getPath().endsWith("/login.xhtml"), refused.uri().toString());
        assertTrue(refused.body().contains("本次会话登录时使用的电子钥匙已不在"), "the sign-in page says why");
        assertTrue(owner.get(portal).uri().getPath().endsWith("/login.xhtml"),
                "the stolen session is ended for its owner too: he signs in again");

        assertTrue(owner.login("READY", READY_PASSWORD).uri().getPath().endsWith("/enterprise/index.xhtml"));
        PortalClient withoutEkey = PortalClient.withoutEkey();
        withoutEkey.useCookie(owner.sessionCookie());
        assertTrue(withoutEkey.get(portal).uri().getPath().endsWith("/login.xhtml"), "no e-key at all");

        assertTrue(owner.login("READY", READY_PASSWORD).uri().getPath().endsWith("/enterprise/index.xhtml"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = owner.get(portal);
            assertEquals(200, page.statusCode());
            assertTrue(page.uri().getPath().endsWith("/enterprise/index.xhtml"), "the owner with his e-key stays in");
        }
    }

    /**
     * A user sent to the sign-in page comes back to the page he asked for; one whose session ended
     * is told so; only portal pages are returned to; a page's script keeps a session alive.
     */
    @Test
    @Order(9)
    @RunAsClient
    void afterSigningInTheUserIsBackWhereHeWasAndAnEndedSessionIsExplained() throws Exception {
        String wanted = PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PENDING";
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD);
        HttpResponse<String> sent = browser.get(wanted);
        assertTrue(sent.uri().getPath().endsWith("/login.xhtml"), sent.uri().toString());
        assertFalse(sent.body().contains("会话已超时结束"), "a first visit is not an ended session");
        String kept = PortalClient.find(sent.body(), "name=\"login:return\"[^>]*value=\"([^\"]*)\"");
        assertEquals("/enterprise/applications.xhtml?list=PENDING", kept, "the sign-in form keeps where he was going");
        // a browser posts the form's hidden field as it is
        HttpResponse<String> back = browser.submit(sent.uri().toString(), "login", Map.of("login:username", "READY",
                "login:password", READY_PASSWORD, "login:return", kept, "login:submit", ""));
        assertEquals(wanted, back.uri().toString(), "back at the page he asked for");
        assertEquals(204, browser.postEmpty(PortalClient.HTTPS + "/keepalive"), "keep working: the session lives on");
        assertTrue(back.body().contains("data-session-seconds=\"1800\""), "the page knows when its session ends");

        PortalClient ended = PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD);
        java.net.HttpCookie stale = new java.net.HttpCookie("JSESSIONID", "ended0000000000000000000000");
        stale.setPath("/");
        ended.useCookie(stale);
        HttpResponse<String> told = ended.get(wanted);
        assertTrue(told.body().contains("会话已超时结束"), "an ended session is explained");
        assertEquals(401, ended.postEmpty(PortalClient.HTTPS + "/keepalive"), "nothing to keep alive");

        PortalClient elsewhere = PortalClient.withEkey(Fixtures.ekey("READY"), Fixtures.EKEY_PASSWORD);
        elsewhere.get(PortalClient.HTTPS + "/login.xhtml");
        HttpResponse<String> home = elsewhere.submit(PortalClient.HTTPS + "/login.xhtml", "login",
                Map.of("login:username", "READY", "login:password", READY_PASSWORD, "login:return",
                        "https://evil.example/", "login:submit", ""));
        assertEquals("127.0.0.1", home.uri().getHost(), "never sent to another address");
        assertTrue(home.uri().getPath().endsWith("/enterprise/index.xhtml"), home.uri().toString());
    }

    /**
     * A sign-in and a decision that writes the same user a notice, at the same moment. The sign-in holds his
     * account row while it checks the password, then appends to the audit log; a decision appends to the
     * audit log first (the chain's head locked), then writes the notice, whose foreign key reads his row.
     * The sign-in's lock must not stop that read: with FOR UPDATE the two waited for each other, and
     * PostgreSQL broke the deadlock by failing one of them.
     */
    @Test
    @Order(10)
    @RunAsClient
    void aSignInAndADecisionNotifyingTheSameUserDoNotDeadlock() throws Exception {
        long account = CustomsLoad.count("select id from account where username = 'RACE'");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> signIn;
        try (java.sql.Connection decision = CustomsLoad.database()) {
            decision.setAutoCommit(false);
            try (java.sql.Statement s = decision.createStatement()) {
                s.execute("set lock_timeout = '20s'");
                // the decision's audit append
                s.execute("select last_position from audit_chain_head where id = 1 for update");
            }
            signIn = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return PortalClient.withEkey(Fixtures.ekey("RACE"), Fixtures.EKEY_PASSWORD).login("RACE",
                            READY_PASSWORD);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the sign-in has RACE's row and waits for the chain's head
            long waiting = 0;
            for (int i = 0; i < 300 && waiting == 0; i++) {
                Thread.sleep(100);
                waiting = CustomsLoad.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query ilike '%audit_chain_head%'");
            }
            assertEquals(1, waiting, "the sign-in waits for the audit log's head");
            // the decision's notice to RACE: its foreign key reads RACE's row
            try (java.sql.PreparedStatement notice = decision.prepareStatement("insert into notification (account_id,"
                    + " kind, record_type, record_id, record_label, created_at_utc) values (?, 'TEST', 'LICENCE', 0,"
                    + " 'race', now())")) {
                notice.setLong(1, account);
                assertEquals(1, notice.executeUpdate(), "written while the sign-in holds the row");
            }
            decision.rollback();
        }
        HttpResponse<String> in = signIn.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(in.uri().getPath().startsWith("/officer/"), "and the sign-in went through: " + in.uri());
    }
}
