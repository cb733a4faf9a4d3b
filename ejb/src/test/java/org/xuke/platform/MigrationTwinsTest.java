package org.xuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migrations of both databases, read as text: Oracle cannot run here, so what can be checked
 * without it is checked on every build. Each PostgreSQL-only migration has an Oracle twin of the same
 * version; the portable ones and the twins hold nothing of the other database's dialect; and the twins
 * build the same schema (tables, columns, their types and nullability, indexes, sequences).
 */
class MigrationTwinsTest {

    private static final Path DB = Path.of("src/main/resources/db");
    private static final Path PORTABLE = DB.resolve("migration");
    private static final Path POSTGRESQL = DB.resolve("vendor/postgresql");
    private static final Path ORACLE = DB.resolve("vendor/oracle");

    /** PostgreSQL's own, which neither Oracle nor a portable migration may hold (comments and strings removed). */
    private static final Map<String, Pattern> POSTGRESQL_ONLY = patterns(
            "bigint", "\\bbigint\\b", "boolean", "\\bboolean\\b", "bytea", "\\bbytea\\b", "text", "\\btext\\b",
            "serial", "\\b(big)?serial\\b", "cast with ::", "::", "dollar quoting", "\\$\\$", "plpgsql", "plpgsql",
            "on conflict", "\\bon\\s+conflict\\b", "returning", "\\breturning\\b", "ilike", "\\bilike\\b",
            "jsonb", "\\bjsonb?\\b", "generate_series", "generate_series", "date_trunc", "date_trunc",
            "aggregate filter", "\\bfilter\\s*\\(\\s*where\\b", "lateral", "\\blateral\\b",
            "add column", "\\badd\\s+column\\b", "alter column", "\\balter\\s+column\\b",
            "covering index", "\\binclude\\s*\\(", "partial index", "\\bcreate\\s+(unique\\s+)?index\\b[^;]*\\)\\s*where\\b",
            "boolean literal", "\\b(true|false)\\b", "alter sequence", "\\balter\\s+sequence\\b",
            "limit", "\\blimit\\s+\\d");

    /** Oracle's own, which a portable migration may not hold. */
    private static final Map<String, Pattern> ORACLE_ONLY = patterns(
            "varchar2", "\\bvarchar2\\b", "number", "\\bnumber\\s*\\(", "clob/blob", "\\b[cb]lob\\b",
            "PL/SQL", "\\bbegin\\b", "dual", "\\bdual\\b", "merge", "\\bmerge\\b", "modify", "\\bmodify\\b",
            "nvl", "\\bnvl\\b", "sysdate", "\\bsysdate\\b");

    /** Oracle's reserved words (V$RESERVED_WORDS, reserved = 'Y'): never a table, column, index or sequence name. */
    private static final Set<String> ORACLE_RESERVED = Set.of("access", "add", "all", "alter", "and", "any", "as",
            "asc", "audit", "between", "by", "char", "check", "cluster", "column", "comment", "compress", "connect",
            "create", "current", "date", "decimal", "default", "delete", "desc", "distinct", "drop", "else",
            "exclusive", "exists", "file", "float", "for", "from", "grant", "group", "having", "identified",
            "immediate", "in", "increment", "index", "initial", "insert", "integer", "intersect", "into", "is",
            "level", "like", "lock", "long", "maxextents", "minus", "mlslabel", "mode", "modify", "noaudit",
            "nocompress", "not", "nowait", "null", "number", "of", "offline", "on", "online", "option", "or",
            "order", "pctfree", "prior", "privileges", "public", "raw", "rename", "resource", "revoke", "row",
            "rowid", "rownum", "rows", "select", "session", "set", "share", "size", "smallint", "start",
            "successful", "synonym", "sysdate", "table", "then", "to", "trigger", "uid", "union", "unique",
            "update", "user", "validate", "values", "varchar", "varchar2", "view", "whenever", "where", "with");

    /** Where the twins differ on purpose, by table.column: the reason is in the Oracle twin. */
    private static final Map<String, String> DIFFERENT_ON_PURPOSE = Map.of(
            // a few hundred characters each, read by native SQL: a CLOB would come back as a locator
            "authority_signing_key.certificate_der", "text -> str(4000)",
            "authority_signing_key.sealed_key", "text -> str(4000)");

    @Test
    void everyPostgresqlMigrationHasAnOracleTwinOfTheSameVersion() {
        assertThat(names(ORACLE)).isEqualTo(names(POSTGRESQL));
        Set<String> portableVersions = versions(names(PORTABLE));
        assertThat(versions(names(POSTGRESQL))).doesNotContainAnyElementsOf(portableVersions);
        assertThat(names(POSTGRESQL)).hasSizeGreaterThan(20);
    }

    @Test
    void portableMigrationsHoldNeitherDialect() {
        for (Path file : files(PORTABLE)) {
            String sql = code(file);
            assertThat(found(POSTGRESQL_ONLY, sql)).as(file.toString()).isEmpty();
            assertThat(found(ORACLE_ONLY, sql)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void oracleTwinsHoldNoPostgresql() {
        for (Path file : files(ORACLE)) {
            assertThat(found(POSTGRESQL_ONLY, code(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theDialectCheckFindsWhatItLooksFor() {
        // the checks above would pass on anything if the patterns matched nothing
        assertThat(found(POSTGRESQL_ONLY, code(POSTGRESQL.resolve("V12__application_counts.sql"))))
                .contains("plpgsql", "on conflict", "dollar quoting", "bigint");
        assertThat(found(POSTGRESQL_ONLY, code(POSTGRESQL.resolve("V28__statistics_model.sql"))))
                .contains("partial index", "covering index", "aggregate filter", "lateral", "generate_series",
                        "boolean");
        assertThat(found(ORACLE_ONLY, code(ORACLE.resolve("V12__application_counts.sql"))))
                .contains("PL/SQL", "merge", "varchar2");
        assertThat(code(Path.of("x.sql"), "select ';' -- on conflict\n")).doesNotContain("conflict", ";'");
    }

    @Test
    void oracleTwinsNameNothingWithAReservedWord() {
        Schema oracle = Schema.of(ORACLE, Dialect.ORACLE);
        List<String> names = new ArrayList<>();
        oracle.tables.forEach((table, columns) -> {
            names.add(table);
            names.addAll(columns.keySet());
        });
        names.addAll(oracle.indexes.keySet());
        names.addAll(oracle.sequences);
        assertThat(names).hasSizeGreaterThan(300).allSatisfy(name -> {
            assertThat(ORACLE_RESERVED).as(name).doesNotContain(name);
            assertThat(name.length()).as(name).isLessThanOrEqualTo(128);
        });
    }

    @Test
    void bothDatabasesGetTheSameSchema() {
        Schema postgresql = Schema.of(POSTGRESQL, Dialect.POSTGRESQL);
        Schema oracle = Schema.of(ORACLE, Dialect.ORACLE);
        assertThat(oracle.tables.keySet()).isEqualTo(postgresql.tables.keySet());
        postgresql.tables.forEach((table, columns) -> {
            Map<String, String> expected = new TreeMap<>(columns);
            DIFFERENT_ON_PURPOSE.forEach((column, change) -> {
                String[] tc = column.split("\\.");
                String[] types = change.split(" -> ");
                if (tc[0].equals(table)) {
                    expected.put(tc[1], expected.get(tc[1]).replace(types[0], types[1]));
                }
            });
            assertThat(new TreeMap<>(oracle.tables.get(table))).as(table).isEqualTo(expected);
        });
        assertThat(oracle.indexes).isEqualTo(postgresql.indexes);
        assertThat(oracle.sequences).isEqualTo(postgresql.sequences);
        // what the comparison rests on: the final schema, with the renames and later columns applied
        assertThat(postgresql.tables).containsKey("licence").doesNotContainKey("export_licence");
        assertThat(postgresql.tables.get("licence")).containsEntry("kind", "str(1) not null")
                .containsEntry("content", "text not null").containsEntry("seal", "bytes not null");
        assertThat(postgresql.tables.get("cat_issuing_authority")).containsEntry("licence_no_code", "str(4)");
        assertThat(postgresql.tables.get("licence_fact")).containsEntry("authority_code", "str(40) not null");
        assertThat(postgresql.tables.get("notification")).containsEntry("id", "int64 not null");
        assertThat(postgresql.sequences).contains("licence_seq").doesNotContain("export_licence_seq");
    }

    private enum Dialect { POSTGRESQL, ORACLE }

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The schema a folder's migrations (with the portable ones, in version order) leave behind. */
    private static final class Schema {
        final Map<String, Map<String, String>> tables = new TreeMap<>();
        final Map<String, String> indexes = new TreeMap<>();
        final Set<String> sequences = new TreeSet<>();

        static Schema of(Path vendor, Dialect dialect) {
            Schema schema = new Schema();
            Stream.concat(files(PORTABLE).stream(), files(vendor).stream())
                    .sorted(Comparator.comparing(MigrationTwinsTest::versionKey))
                    .forEach(file -> statements(code(file)).forEach(s -> schema.apply(s, dialect)));
            return schema;
        }

        private void apply(String statement, Dialect dialect) {
            String s = statement.strip().replaceAll("\\s+", " ");
            CURRENT.set(s);
            Matcher m;
            if ((m = match("create table (\\w+) \\((.*)\\)", s)) != null) {
                Map<String, String> columns = new LinkedHashMap<>();
                for (String part : splitTopLevel(m.group(2))) {
                    Matcher pk = match("(?:constraint \\w+ )?primary key \\((.*)\\)", part.strip());
                    if (pk != null) {
                        for (String c : pk.group(1).split(",")) {
                            columns.computeIfPresent(c.strip(), (k, v) -> v.endsWith(" not null") ? v : v + " not null");
                        }
                    } else if (!part.strip().matches("(constraint|foreign key|unique|check)\\b.*")) {
                        String[] c = part.strip().split(" ", 2);
                        columns.put(c[0], column(c[1], dialect));
                    }
                }
                tables.put(m.group(1), columns);
            } else if ((m = match("alter table (\\w+) add (?:column )?(?!constraint)(\\w+) (.*)", s)) != null) {
                tables.get(m.group(1)).put(m.group(2), column(m.group(3), dialect));
            } else if ((m = match("alter table (\\w+) (?:alter column (\\w+) set not null|modify (\\w+) not null)", s)) != null) {
                String name = m.group(2) != null ? m.group(2) : m.group(3);
                tables.get(m.group(1)).computeIfPresent(name, (k, v) -> v + " not null");
            } else if ((m = match("alter table (\\w+) (?:alter column (\\w+) type|modify (\\w+)) (.*)", s)) != null) {
                String name = m.group(2) != null ? m.group(2) : m.group(3);
                String type = type(m.group(4), dialect);
                tables.get(m.group(1)).computeIfPresent(name, (k, v) -> type
                        + (v.endsWith(" not null") ? " not null" : ""));
            } else if ((m = match("alter table (\\w+) rename to (\\w+)", s)) != null) {
                String from = m.group(1);
                String to = m.group(2);
                tables.put(to, tables.remove(from));
                indexes.replaceAll((index, table) -> table.equals(from) ? to : table);
            } else if ((m = match("create (?:unique )?index (\\w+) on (\\w+) .*", s)) != null) {
                indexes.put(m.group(1), m.group(2) + (s.startsWith("create unique") ? " unique" : ""));
            } else if ((m = match("create sequence (\\w+) .*", s)) != null) {
                sequences.add(m.group(1));
            } else if ((m = match("(?:alter sequence (\\w+) rename to|rename (\\w+) to) (\\w+)", s)) != null) {
                sequences.remove(m.group(1) != null ? m.group(1) : m.group(2));
                sequences.add(m.group(3));
            } else if (s.startsWith("create table") || s.startsWith("alter table") && !s.contains(" add constraint ")
                    || s.startsWith("create index") || s.startsWith("create unique")) {
                throw new AssertionError("A statement this test does not understand: " + s);
            }
        }

        /** The type's family and size, and whether it is not null: the same on both sides for the same column. */
        private static String column(String definition, Dialect dialect) {
            String d = definition.replaceAll("\\bdefault ('[^']*'|\\S+) ", "");
            boolean notNull = d.contains("not null") || d.contains("primary key");
            return type(d, dialect) + (notNull ? " not null" : "");
        }

        private static String type(String definition, Dialect dialect) {
            String d = definition.strip().toLowerCase(Locale.ROOT);
            Matcher m;
            if (dialect == Dialect.POSTGRESQL) {
                if (d.matches("bigint\\b.*|bigserial\\b.*")) return "int64";
                if (d.matches("integer\\b.*")) return "int32";
                if (d.matches("boolean\\b.*")) return "bool";
                if ((m = match("varchar\\((\\d+)\\).*", d)) != null) return "str(" + m.group(1) + ")";
                if ((m = match("numeric\\((\\d+), ?(\\d+)\\).*", d)) != null) return "dec(" + m.group(1) + "," + m.group(2) + ")";
                if (d.matches("text\\b.*")) return "text";
                if (d.matches("bytea\\b.*")) return "bytes";
            } else {
                if (d.matches("number\\(19\\).*")) return "int64";
                if (d.matches("number\\(10\\).*")) return "int32";
                if (d.matches("number\\(1\\).*")) return "bool";
                if ((m = match("varchar2\\((\\d+) char\\).*", d)) != null) return "str(" + m.group(1) + ")";
                if ((m = match("number\\((\\d+), ?(\\d+)\\).*", d)) != null) return "dec(" + m.group(1) + "," + m.group(2) + ")";
                if (d.matches("clob\\b.*")) return "text";
                if (d.matches("blob\\b.*")) return "bytes";
            }
            // the portable types, which both take (varchar counts characters on Oracle too: SchemaMigration sets
            // the session's length semantics to CHAR there)
            if (d.matches("integer\\b.*")) return "int32";
            if ((m = match("varchar\\((\\d+)\\).*", d)) != null) return "str(" + m.group(1) + ")";
            if ((m = match("numeric\\((\\d+), ?(\\d+)\\).*", d)) != null) return "dec(" + m.group(1) + "," + m.group(2) + ")";
            if (d.matches("timestamp\\b.*")) return "timestamp";
            if (d.matches("date\\b.*")) return "date";
            throw new AssertionError("A type this test does not know (" + dialect + "): " + definition + " in " + CURRENT.get());
        }
    }

    private static Matcher match(String regex, String s) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(s);
        return m.matches() ? m : null;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    /** The statements of a script: PL/SQL blocks (up to a line of '/') and dollar-quoted bodies are one each. */
    private static List<String> statements(String code) {
        String plain = code.replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$")
                .replaceAll("(?s)create or replace trigger.*?\\n/\\s*(\\n|$)", "");
        return List.of(plain.split(";"));
    }

    private static Map<String, Pattern> patterns(String... nameAndRegex) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRegex.length; i += 2) {
            patterns.put(nameAndRegex[i], Pattern.compile(nameAndRegex[i + 1], Pattern.CASE_INSENSITIVE));
        }
        return patterns;
    }

    private static List<String> found(Map<String, Pattern> patterns, String sql) {
        return patterns.entrySet().stream().filter(e -> e.getValue().matcher(sql).find()).map(Map.Entry::getKey)
                .toList();
    }

    /** The script without comments, with every string literal emptied. */
    private static String code(Path file) {
        try {
            return code(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code(Path file, String text) {
        return text.replaceAll("--[^\\n]*", "").replaceAll("'[^']*'", "''").toLowerCase(Locale.ROOT);
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(Path folder) {
        Set<String> names = new TreeSet<>();
        files(folder).forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    private static Set<String> versions(Set<String> names) {
        Set<String> versions = new TreeSet<>();
        names.forEach(n -> versions.add(n.substring(0, n.indexOf("__"))));
        return versions;
    }

    /** V10_1 after V10 after V9: numeric parts compared as numbers. */
    private static String versionKey(Path file) {
        String v = file.getFileName().toString();
        v = v.substring(1, v.indexOf("__"));
        StringBuilder key = new StringBuilder();
        for (String part : v.split("_")) {
            key.append(String.format("%06d.", Integer.parseInt(part)));
        }
        return key.toString();
    }
}
