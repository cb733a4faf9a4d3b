package org.xuke.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.xuke.reconciliation.Reconciliation;

/**
 * When the server starts, the runs this instance had started and never ended (the process was
 * killed, the machine lost power) are still STARTED in the batch repository, and no one would ever
 * end them: they are marked FAILED here (exit status {@code INTERRUPTED}), so that 重新运行 restarts
 * them from their last checkpoint. Only this instance's own runs: in a deployment group another
 * instance may be running its runs right now. The batch API has no call for this (jakartaee/batch
 * #157), so the repository's two status columns are set as its runtime sets them.
 */
@Singleton
@Startup
// the reconciliation's tables exist once the core module has migrated the schema: Payara happened to start
// that module first, WildFly did not (the module's name in the EAR, then the bean)
@DependsOn("xuke-ejb.jar#SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());
    /** The repository's tables: unprefixed as configured here (docs/OPERATIONS.md), or with a bureau's prefix. */
    private static final List<String> PREFIXES = List.of("", "jbatch_");
    static final String EXECUTIONS = "executioninstancedata";
    static final String STEPS = "stepexecutioninstancedata";
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = "jdbc/xuke")
    private DataSource database;

    @Inject
    private Reconciliation reconciliation;

    @PostConstruct
    void markInterrupted() {
        try {
            List<Long> mine = reconciliation.executionsOn(ServerInstance.name());
            if (!mine.isEmpty()) {
                int marked = mark(mine);
                if (marked > 0) {
                    LOG.warning(() -> marked + " reconciliation run(s) interrupted when this server stopped marked "
                            + "FAILED: restart them on 核销对账");
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "interrupted reconciliation runs could not be marked failed", e);
        }
    }

    private int mark(List<Long> executions) throws SQLException {
        int marked = 0;
        try (Connection c = database.getConnection()) {
            // the tables as configured here, and those of a domain that set the prefix JBATCH_ (earlier versions)
            for (String prefix : PREFIXES) {
                if (exists(c, prefix + EXECUTIONS)) {
                    marked += mark(c, prefix, executions);
                }
            }
        }
        return marked;
    }

    /** Whether the table exists, asked of the driver (names are lower case on PostgreSQL, upper on Oracle). */
    private static boolean exists(Connection c, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int mark(Connection c, String prefix, List<Long> executions) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        // one parameter per execution: a server instance has a handful of unfinished runs at most
        String ids = String.join(", ", Collections.nCopies(executions.size(), "?"));
        try (PreparedStatement steps = c.prepareStatement("update " + prefix + STEPS + " set batchstatus = 'FAILED', "
                + "exitstatus = 'INTERRUPTED', endtime = ? where jobexecid in (" + ids + ") and batchstatus in "
                + RUNNING);
                PreparedStatement runs = c.prepareStatement("update " + prefix + EXECUTIONS + " set batchstatus = "
                + "'FAILED', exitstatus = 'INTERRUPTED', endtime = ?, updatetime = ? where jobexecid in (" + ids
                + ") and batchstatus in " + RUNNING)) {
            steps.setTimestamp(1, now);
            runs.setTimestamp(1, now);
            runs.setTimestamp(2, now);
            for (int i = 0; i < executions.size(); i++) {
                steps.setLong(2 + i, executions.get(i));
                runs.setLong(3 + i, executions.get(i));
            }
            steps.executeUpdate();
            return runs.executeUpdate();
        }
    }
}
