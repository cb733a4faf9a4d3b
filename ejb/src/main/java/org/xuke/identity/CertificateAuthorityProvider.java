package org.xuke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the deployment CA from where the server configuration says it is
 * ({@code -Dxuke.ca.keystore}, a folder; {@code -Dxuke.ca.passwordFile}, readable by the server
 * only), once, on first use.
 */
@ApplicationScoped
public class CertificateAuthorityProvider {

    @Inject
    private Clock clock;

    private volatile DeploymentCa ca;
    private volatile char[] password;

    public DeploymentCa get() {
        DeploymentCa current = ca;
        if (current == null) {
            synchronized (this) {
                if (ca == null) {
                    ca = open();
                }
                current = ca;
            }
        }
        return current;
    }

    /** The deployment's secret, also protecting stored seal keys. */
    char[] secret() {
        get();
        return password.clone();
    }

    private DeploymentCa open() {
        String folder = System.getProperty("xuke.ca.keystore");
        String passwordFile = System.getProperty("xuke.ca.passwordFile");
        if (folder == null || passwordFile == null) {
            throw new IllegalStateException("The deployment CA is not configured: set -Dxuke.ca.keystore and "
                    + "-Dxuke.ca.passwordFile (see docs/OPERATIONS.md)");
        }
        try {
            password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip().toCharArray();
            return DeploymentCa.openOrCreate(Path.of(folder), password, "xuke", clock);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CA password file " + passwordFile, e);
        }
    }
}
