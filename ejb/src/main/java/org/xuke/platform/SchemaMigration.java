package org.xuke.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway migrations in db/migration before anything else
 * starts. The only way the schema changes; EclipseLink never generates DDL.
 * Outside a transaction: Flyway commits each migration on its own connection.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/xuke")
    private DataSource dataSource;

    private SqlDialect dialect;

    @PostConstruct
    void migrate() {
        dialect = detect();
        var configuration = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Portable migrations, plus the database's own: db/vendor/postgresql, db/vendor/oracle (twins of the
                // same versions, checked against each other by MigrationTwinsTest)
                .locations("classpath:db/migration", "classpath:db/vendor/" + dialect.folder());
        if (dialect == SqlDialect.ORACLE) {
            // a portable migration's varchar(n) holds n characters on Oracle too, as it does on PostgreSQL
            configuration.initSql("alter session set nls_length_semantics = char");
        }
        var result = configuration
                // WildFly's batch runtime makes its job repository tables (JOB_INSTANCE, ...) when the server
                // starts, before any deployment, so a new database is not empty at the first migration; a baseline
                // at 0 lets Flyway begin there and still apply every migration
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The database's dialect, for the few statements that differ (known once the schema is migrated). */
    @Lock(LockType.READ)
    public SqlDialect dialect() {
        return dialect;
    }

    private SqlDialect detect() {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }
}
