package org.xuke.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.xuke.identity.AccountService;
import org.xuke.identity.AccountService.CreatedAccount;
import org.xuke.identity.CertificateService;
import org.xuke.identity.DataScope;
import org.xuke.identity.Role;

/**
 * Accounts made inside the server for tests that then act as a browser outside it: each holder's
 * e-key PKCS#12 and, where needed, the one-time password go to files both sides can read.
 */
final class Fixtures {

    static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "xuke-it");
    static final char[] EKEY_PASSWORD = "holder-pass-1".toCharArray();

    private Fixtures() {
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

    static void officer(AccountService accounts, CertificateService certificates, String authority, String username,
            String password, Set<Role> roles) throws IOException {
        CreatedAccount created = accounts.createOfficer("IT", username, username, authority, roles);
        finish(accounts, certificates, created, password, true);
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
