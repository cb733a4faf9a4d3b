package org.xuke.platform;

import java.util.Locale;

/**
 * The databases the portal runs on, for the few statements SQL's standard leaves to each vendor. Every
 * other statement is portable; a class that needs one of these asks {@link SchemaMigration#dialect()}.
 * PostgreSQL is run by every test; the Oracle texts are written to Oracle's documentation and checked
 * by no test here (docs/OPERATIONS.md, "Oracle").
 */
public enum SqlDialect {

    POSTGRESQL, ORACLE;

    /** From the JDBC product name ("PostgreSQL", "Oracle"); the folder of its migrations is db/vendor/&lt;name&gt;. */
    public static SqlDialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT).split("\\s+")[0];
        return switch (name) {
            case "postgresql" -> POSTGRESQL;
            case "oracle" -> ORACLE;
            default -> throw new IllegalStateException("Not a database the portal runs on: " + productName);
        };
    }

    /** The folder name under db/vendor. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A query of one row and column: the sequence's next value. */
    public String nextValue(String sequence) {
        return this == ORACLE ? "select " + sequence + ".nextval from dual" : "select nextval('" + sequence + "')";
    }

    /**
     * The lock clause of a select that holds its rows for an update of columns other than the key: other
     * writers wait, rows that refer to them by foreign key do not (PostgreSQL's FOR UPDATE would make them
     * wait; Oracle's foreign key checks take no row lock).
     */
    public String forUpdateOfNonKeyColumns() {
        return this == ORACLE ? " for update" : " for no key update";
    }

    /**
     * An insert of one row (positional parameters in {@code values}) that inserts nothing where a row with the
     * same {@code key} exists, also where a concurrent transaction inserted it first (it waits for that one to
     * end); its update count tells which.
     */
    public String insertIfAbsent(String table, String key, String columns, String values) {
        return this == ORACLE
                ? "insert /*+ ignore_row_on_dupkey_index(" + table + " (" + key + ")) */ into " + table + " (" + columns
                        + ") values (" + values + ")"
                : "insert into " + table + " (" + columns + ") values (" + values + ") on conflict (" + key
                        + ") do nothing";
    }
}
