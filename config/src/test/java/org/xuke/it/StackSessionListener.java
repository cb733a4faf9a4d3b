package org.xuke.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.xuke.launcher.Stack;

/**
 * Starts PostgreSQL and a configured Payara once for the whole integration-test run (failsafe
 * sets xuke.it=true), so the server start is paid once per module run, not per class; Arquillian
 * connects to it and deploys the EAR. Stops both when the run ends.
 */
public class StackSessionListener implements LauncherSessionListener {

    private static Stack stack;

    /** The run's stack, for the fault test that kills and restarts its server (client side only). */
    static Stack stack() {
        return stack;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("xuke.it") || stack != null) {
            return;
        }
        try {
            stack = Stack.start(true, false);
            // Arquillian signs in to the admin listener with it (arquillian.xml)
            System.setProperty("xuke.admin.password", Stack.adminPassword(stack));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL and Payara for the integration tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(StackSessionListener::stop, "xuke-it-stop"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    private static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
