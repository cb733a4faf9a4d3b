package org.xuke.batch;

/** The name of the server instance this runs in ({@code server} on a single Payara domain). */
final class ServerInstance {

    private ServerInstance() {
    }

    static String name() {
        return System.getProperty("com.sun.aas.instanceName", "server");
    }
}
