package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditEvent;
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;
import org.xuke.audit.ChainCheck;

/** The hash-chained audit log on PostgreSQL: concurrent appends, append-only, tamper detection. */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(AuditLogIT.class);
    }

    @Inject
    AuditLog audit;

    @Resource(lookup = "jdbc/xuke")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Test
    void concurrentAppendsFormOneUnbrokenChainAndATamperedRowIsFound() throws Exception {
        List<Future<AuditEvent>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(executor.submit(() -> audit.record(
                    AuditEntry.of("USER" + n % 4, "LOGIN_FAILED", "account", "USER" + n % 4).from("127.0.0.1"))));
        }
        for (Future<AuditEvent> future : futures) {
            future.get();
        }
        ChainCheck intact = audit.verify();
        assertTrue(intact.intact(), () -> "chain broken at " + intact.firstBrokenPosition() + ": " + intact.problem());
        assertTrue(intact.rowsChecked() >= 40);
        assertEquals(10, audit.count(new AuditFilter("USER1", "LOGIN_FAILED", null, null, null)));

        long target = audit.search(new AuditFilter("USER2", null, null, null, null), 0, 1).get(0).getPosition();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // A database administrator going around the application: triggers off, row changed.
            s.execute("alter table audit_event disable trigger audit_event_no_update_delete");
            try {
                s.executeUpdate("update audit_event set actor = 'MALLORY' where chain_position = " + target);
                ChainCheck tampered = audit.verify();
                assertFalse(tampered.intact());
                assertEquals(target, tampered.firstBrokenPosition());
                assertEquals("audit.chain.content", tampered.problem());
            } finally {
                s.executeUpdate("update audit_event set actor = 'USER2' where chain_position = " + target);
                s.execute("alter table audit_event enable trigger audit_event_no_update_delete");
            }
        }
        assertTrue(audit.verify().intact(), "restored row verifies again");
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteAuditRows() throws Exception {
        audit.record(AuditEntry.of("SYSTEM", "TEST", null, null));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_event set details = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_event"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }
}
