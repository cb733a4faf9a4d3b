package org.xuke.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The server resources the application looks up (JNDI names fixed here, never inside the artifact)
 * as asadmin commands: the same list for the run command, the tests and {@code xuke-admin setup-domain}.
 */
final class Resources {

    static final String DATASOURCE = "jdbc/xuke";
    static final String MAIL_SESSION = "mail/xuke";
    static final String POOL = "xuke-pool";
    static final List<String[]> QUEUES = List.of(
            new String[] {"XukeLicenceOut", "jms/xuke/customs/LicenceOut"},
            new String[] {"XukeCustomsReceipts", "jms/xuke/customs/Receipts"},
            new String[] {"XukeCustomsUsage", "jms/xuke/customs/Usage"},
            new String[] {"XukeDeadLetter", "jms/xuke/DeadLetter"});

    private Resources() {
    }

    /** The mail session: host, port and sender of the relay notices leave by. */
    static String mailSession(String host, int port, String from) {
        return "create-javamail-resource --mailhost " + host + " --mailuser xuke --fromaddress " + from
                + " --property mail-smtp-port=" + port + ":mail-smtp-connectiontimeout=5000:mail-smtp-timeout=10000 "
                + MAIL_SESSION;
    }

    /** The asadmin commands creating the application's resources, for a pool with these properties. */
    static List<String> commands(String poolProperties, String mailSession) {
        List<String> commands = new ArrayList<>();
        commands.add("set configs.config.server-config.admin-service.das-config.autodeploy-enabled=false");
        commands.add("set configs.config.server-config.admin-service.das-config.dynamic-reload-enabled=false");
        commands.add("create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=48"
                + " --isconnectvalidatereq=true --validationmethod=custom-validation"
                + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                + " --failconnection=true --statementcachesize=64"
                + " --property " + poolProperties + " " + POOL);
        commands.add("create-jdbc-resource --connectionpoolid=" + POOL + " " + DATASOURCE);
        // Jakarta Batch keeps its job repository in the same PostgreSQL (default would be H2).
        // no table prefix: Payara applies a prefix only from its next start, so a repository begun in the
        // first lifetime (unprefixed tables) was not found after a restart (the crash test saw it)
        commands.add("set-batch-runtime-configuration --datasourcelookupname=" + DATASOURCE);
        commands.add("create-jms-resource --restype=jakarta.jms.ConnectionFactory jms/xuke/ConnectionFactory");
        commands.add(mailSession);
        // Physical queues are auto-created by the broker on first use: create-jmsdest needs the
        // broker's JMX connector, which fails once the broker is bound to the loopback address.
        for (String[] queue : QUEUES) {
            commands.add("create-jms-resource --restype=jakarta.jms.Queue --property=Name=" + queue[0] + " " + queue[1]);
        }
        return commands;
    }
}
