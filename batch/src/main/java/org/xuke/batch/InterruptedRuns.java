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
 * #157), so the repository's two status columns are set as its runtime sets them: Payara's tables, and
 * on WildFly JBeret's (its partitions too).
 */
@Singleton
@Startup
// the reconciliation's tables exist once the core module has migrated the schema: Payara happened to start
// that module first, WildFly did not (the module's name in the EAR, then the bean)
@DependsOn("xuke-ejb.jar#SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    /**
     * A batch runtime's repository as the runtime names it: the executions, their steps (by the execution's
     * key) and, where kept apart, the steps' partitions (by the step's key).
     */
    record Repository(String executions, String key, String updated, String steps, String stepKey,
            String partitions) {

        /** Payara's (IBM's jBatch), unprefixed as configured here or with the prefix of earlier versions. */
        static Repository payara(String prefix) {
            return new Repository(prefix + "executioninstancedata", "jobexecid", "updatetime",
                    prefix + "stepexecutioninstancedata", null, null);
        }

        /** WildFly's (JBeret's JDBC repository, config/wildfly/xuke.cli). */
        static final Repository JBERET = new Repository("job_execution", "jobexecutionid", "lastupdatedtime",
                "step_execution", "stepexecutionid", "partition_execution");
    }

    static final List<Repository> REPOSITORIES = List.of(Repository.payara(""), Repository.payara("jbatch_"),
            Repository.JBERET);

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
            for (Repository repository : REPOSITORIES) {
                if (exists(c, repository.executions())) {
                    marked += mark(c, repository, executions);
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

    private static int mark(Connection c, Repository r, List<Long> executions) throws SQLException {
        // one parameter per execution: a server instance has a handful of unfinished runs at most
        String ids = String.join(", ", Collections.nCopies(executions.size(), "?"));
        String failed = " set batchstatus = 'FAILED', exitstatus = 'INTERRUPTED'";
        if (r.partitions() != null) {
            update(c, "update " + r.partitions() + failed + " where " + r.stepKey() + " in (select " + r.stepKey()
                    + " from " + r.steps() + " where " + r.key() + " in (" + ids + ")) and batchstatus in " + RUNNING,
                    0, executions);
        }
        update(c, "update " + r.steps() + failed + ", endtime = ? where " + r.key() + " in (" + ids
                + ") and batchstatus in " + RUNNING, 1, executions);
        return update(c, "update " + r.executions() + failed + ", endtime = ?, " + r.updated() + " = ? where "
                + r.key() + " in (" + ids + ") and batchstatus in " + RUNNING, 2, executions);
    }

    /** Runs {@code sql} with {@code times} timestamps of now, then the executions' ids. */
    private static int update(Connection c, String sql, int times, List<Long> executions) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                update.setTimestamp(1 + i, now);
            }
            for (int i = 0; i < executions.size(); i++) {
                update.setLong(1 + times + i, executions.get(i));
            }
            return update.executeUpdate();
        }
    }
}
