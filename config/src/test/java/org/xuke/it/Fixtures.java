package org.xuke.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.identity.CertificateService;
import org.xuke.account.DataScope;
import org.xuke.account.Role;

/**
 * Accounts made inside the server for tests that then act as a browser outside it: each holder's
 * e-key PKCS#12 and, where needed, the one-time password go to files both sides can read.
 */
final class Fixtures {

    static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "xuke-it");
    static final char[] EKEY_PASSWORD = "holder-pass-1".toCharArray();

    private Fixtures() {
    }

    /**
     * The people and records of {@code testClass} (its {@link People} method), made once per run in
     * the server: called from the class's {@code @BeforeAll}, wherever that runs.
     */
    static void people(Class<?> testClass) throws Exception {
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:8080/it/people?for=" + testClass.getName())).POST(BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());
        if (made.statusCode() != 200) {
            throw new IllegalStateException("the people of " + testClass.getSimpleName() + " were not made:\n"
                    + made.body());
        }
    }

    static Path ekey(String username) {
        return DIR.resolve(username + ".p12");
    }

    /** A portal client holding the user's e-key, signed in with his password. */
    static PortalClient signedIn(String username, String password) throws Exception {
        PortalClient browser = PortalClient.withEkey(ekey(username), EKEY_PASSWORD);
        browser.login(username, password);
        return browser;
    }

    /** The authority administrator gives his authority its licence-number code (配额与发证机构设置). */
    static void licenceNumberCode(String administrator, String password, String code) throws Exception {
        PortalClient admin = signedIn(administrator, password);
        admin.get(PortalClient.HTTPS + "/officer/quotas.xhtml");
        admin.submit(PortalClient.HTTPS + "/officer/quotas.xhtml", "code", Map.of("code:licenceCode", code,
                "code:saveCode", ""));
    }

    static String oneTimePassword(String username) throws IOException {
        return Files.readString(DIR.resolve(username + ".onetime"), StandardCharsets.UTF_8);
    }

    /** An enterprise user with an e-key; if {@code password} is null he keeps his one-time password. */
    static void enterpriseUser(AccountService accounts, CertificateService certificates, long enterpriseId,
            String username, String password, boolean withEkey) throws IOException {
        CreatedAccount created = accounts.createEnterpriseUser("IT", username, username, enterpriseId, null,
                DataScope.COMPANY, Set.of(Role.ENTERPRISE_OPERATOR));
        finish(accounts, certificates, created, password, withEkey);
    }

    /** An enterprise user of {@code scope} (本人 / 本部门 / 本公司) in {@code department}. */
    static void enterpriseUser(AccountService accounts, CertificateService certificates, long enterpriseId,
            String username, String password, DataScope scope, String department, boolean withEkey) throws IOException {
        CreatedAccount created = accounts.createEnterpriseUser("IT", username, username, enterpriseId, department,
                scope, Set.of(Role.ENTERPRISE_OPERATOR));
        finish(accounts, certificates, created, password, withEkey);
    }

    static void officer(AccountService accounts, CertificateService certificates, String authority, String username,
            String password, Set<Role> roles) throws IOException {
        CreatedAccount created = accounts.createOfficer("IT", username, username, authority, roles);
        finish(accounts, certificates, created, password, true);
    }

    /** A system administrator (every authority, the audit log), with an e-key. */
    static void systemAdministrator(AccountService accounts, CertificateService certificates, String username,
            String password) throws IOException {
        finish(accounts, certificates, accounts.createSystemAdministrator("IT", username, username), password, true);
    }

    /** Staff of the e-key provider, with an e-key. */
    static void provider(AccountService accounts, CertificateService certificates, String username, String password)
            throws IOException {
        finish(accounts, certificates, accounts.createEkeyProvider("IT", username, username), password, true);
    }

    private static void finish(AccountService accounts, CertificateService certificates, CreatedAccount created,
            String password, boolean withEkey) throws IOException {
        Files.createDirectories(DIR);
        if (password == null) {
            Files.writeString(DIR.resolve(created.username() + ".onetime"), new String(created.oneTimePassword()));
        } else {
            accounts.changePassword(created.username(), created.oneTimePassword(), password.toCharArray(), "127.0.0.1");
        }
        if (withEkey) {
            Files.write(ekey(created.username()),
                    certificates.issue("IT", created.username(), EKEY_PASSWORD).loginPkcs12());
        }
    }
}
