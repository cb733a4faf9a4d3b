package org.xuke.identity;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;

/**
 * The bureau's first system administrator, made at the operator's request and at no other time:
 * production has no accounts, and every account page needs a signed-in administrator. The operator
 * tool ({@code xuke-admin bootstrap-admin}) drops {@value #REQUEST} into the folder the server was
 * given ({@code -Dxuke.bootstrap.dir}, owner-only: who may write there owns the server anyway); the
 * server takes it within seconds and answers in {@value #RESULT}: the account with a one-time
 * password and its e-key PKCS#12, written once beside it, or the refusal once any system administrator
 * exists. Both outcomes are audited. No network endpoint is involved.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstAdministrator {

    static final String REQUEST = "request.properties";
    static final String RESULT = "result.properties";
    static final String ACTOR = "xuke-admin";
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuditLog audit;

    @Resource
    private UserTransaction transaction;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        String dir = System.getProperty("xuke.bootstrap.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir);
        Path taken = folder.resolve(REQUEST + ".taken");
        try {
            // taken by one server only, should several share the folder
            Files.move(folder.resolve(REQUEST), taken, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot take the bootstrap request in " + folder, e);
            return;
        }
        Properties result = new Properties();
        try {
            Properties request = new Properties();
            try (Reader in = Files.newBufferedReader(taken, StandardCharsets.UTF_8)) {
                request.load(in);
            }
            answer(folder, request, result);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Bootstrap request refused", e);
            result.clear();
            result.setProperty("outcome", "FAILED");
            result.setProperty("reason", String.valueOf(e.getMessage()));
        }
        try {
            Files.deleteIfExists(taken);
            Files.deleteIfExists(folder.resolve(RESULT));
            writeOwnerOnly(folder.resolve(RESULT), out -> result.store(out, "xuke first system administrator"));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot write the bootstrap result in " + folder, e);
        }
    }

    private void answer(Path folder, Properties request, Properties result) throws IOException {
        String username = request.getProperty("username", "").strip().toUpperCase(java.util.Locale.ROOT);
        String displayName = request.getProperty("displayName", "").strip();
        String operator = request.getProperty("operator", "?");
        char[] keyPassword = AccountService.newOneTimePassword();
        Path key = folder.resolve(username + ".p12");
        try {
            transaction.begin();
            if (accounts.hasSystemAdministrator()) {
                audit.record(AuditEntry.of(ACTOR, "FIRST_ADMINISTRATOR_REFUSED", "account", username)
                        .withDetails("operator=" + operator + ";reason=a system administrator exists"));
                transaction.commit();
                result.setProperty("outcome", "REFUSED");
                result.setProperty("reason", "a system administrator exists; he creates the next accounts");
                return;
            }
            CreatedAccount created = accounts.createSystemAdministrator(ACTOR, username, displayName);
            byte[] pkcs12 = certificates.issue(ACTOR, created.username(), keyPassword).loginPkcs12();
            audit.record(AuditEntry.of(ACTOR, "FIRST_ADMINISTRATOR_CREATED", "account", created.username())
                    .withDetails("operator=" + operator));
            // written before the commit: an account whose credentials were lost could never be bootstrapped again
            writeOwnerOnly(key, out -> out.write(pkcs12));
            transaction.commit();
            result.setProperty("outcome", "CREATED");
            result.setProperty("username", created.username());
            result.setProperty("oneTimePassword", new String(created.oneTimePassword()));
            result.setProperty("ekeyFile", key.toString());
            result.setProperty("ekeyPassword", new String(keyPassword));
            LOG.info(() -> "First system administrator " + created.username() + " created at the operator's request");
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // the transaction is already gone
            }
            Files.deleteIfExists(key);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** An owner-only file, written whole or not at all, never over an existing one. */
    static void writeOwnerOnly(Path file, IoWriter content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".bootstrap-",
                ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newOutputStream(temporary)) {
            content.write(out);
        }
        if (Files.exists(file)) {
            Files.delete(temporary);
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    interface IoWriter {
        void write(java.io.OutputStream out) throws IOException;
    }
}
