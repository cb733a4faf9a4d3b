package org.xuke.customs;

/**
 * This deployment's name towards customs (docs/CUSTOMS-MESSAGES.md, {@code Deployment}): the JVM
 * option {@code -Dxuke.deployment=LN} at a bureau; {@code XUKE} where none is set (the run command,
 * the tests).
 */
public final class DeploymentName {

    public static final String PROPERTY = "xuke.deployment";

    private DeploymentName() {
    }

    public static String id() {
        return System.getProperty(PROPERTY, "XUKE");
    }
}
