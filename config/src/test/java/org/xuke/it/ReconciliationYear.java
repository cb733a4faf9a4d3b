package org.xuke.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A year of national volume made in SQL from one licence issued through the portal (the
 * reconciliation's benchmark and crash test): {@code licences} licences over the authorities,
 * numbered {@code <prefix><6 digits>}, each with {@code declarations} declarations of 30 on line 1
 * spread over January to November, all cleared, with the rule cases mixed in: every 50th licence one
 * batch (too many uses); every 97th a declaration at another port; every 101st above the tolerance
 * (its last declaration 45 of a balance of 40); every 40th licensed for exactly what it uses (90:
 * fully used and cleared, due for a write-off).
 */
final class ReconciliationYear {

    private ReconciliationYear() {
    }

    static void make(long template, long first, int licences, int declarations, String prefix, String... authorities)
            throws Exception {
        try (Connection c = CustomsLoad.database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long licence = Long.parseLong(CustomsLoad.query("select id from licence where application_id = ?", template));
            List<String> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select column_name from information_schema.columns where table_schema "
                    + "= current_schema() and table_name = 'licence' order by ordinal_position")) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
            String byAuthority = "(array['" + String.join("','", authorities) + "'])[1 + g % " + authorities.length + "]";
            Map<String, String> overrides = Map.of("id", first + " + g - 1", "application_id", first + " + g - 1",
                    "licence_number", "'" + prefix + "' || lpad(g::text, 6, '0')", "authority_code", byAuthority,
                    "one_batch", "(g % 50 = 0)", "uses_allowed", "case when g % 50 = 0 then 1 else 12 end",
                    "content", "'{}'", "verification_code", "null", "port_code", "'0901'",
                    "validity_end", "date '2026-12-31'");
            List<String> values = columns.stream().map(col -> overrides.getOrDefault(col, "t." + col)).toList();
            s.executeUpdate("insert into licence (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                    + " from licence t, generate_series(1, " + licences + ") g where t.id = " + licence);
            s.executeUpdate("insert into licence_line (licence_id, line_number, commodity_code, specification, unit_code,"
                    + " quantity, unit_price, amount) select " + first + " + g - 1, 1, t.commodity_code, t.specification,"
                    + " t.unit_code, case when g % 40 = 0 then " + (30 * declarations) + " else 100 end, t.unit_price, "
                    + "t.amount from licence_line t, generate_series(1, " + licences + ") g where t.licence_id = "
                    + licence);
            s.executeUpdate("insert into customs_licence (licence_id, licence_number, last_version, status, "
                    + "status_at_utc) select id, licence_number, 1, 'DECLARED', now() from licence where id >= " + first
                    + " and id < " + (first + licences));
            s.executeUpdate("insert into customs_declaration (declaration_number, licence_id, port_code, "
                    + "declaration_date, state, updated_at_utc) select lpad((" + first + " + g::bigint * 10 + k)::text, "
                    + "18, '0'), " + first + " + g - 1, case when g % 97 = 0 and k = 2 then '0102' else '0901' end, "
                    + "date '2026-01-01' + ((g * 7 + k * 31) % 330), 'CLEARED', now() from generate_series(1, "
                    + licences + ") g, generate_series(1, " + declarations + ") k");
            s.executeUpdate("insert into customs_declaration_line (declaration_number, licence_id, line_number, "
                    + "quantity) select declaration_number, licence_id, 1, case when (licence_id - " + first + " + 1) "
                    + "% 101 = 0 and right(declaration_number, 1) = '" + declarations + "' then 45 else 30 end "
                    + "from customs_declaration where licence_id >= " + first + " and licence_id < " + (first + licences));
            s.executeUpdate("insert into customs_line_usage (licence_id, line_number, cumulative_quantity, "
                    + "updated_at_utc) select licence_id, 1, sum(quantity), now() from customs_declaration_line "
                    + "where licence_id >= " + first + " and licence_id < " + (first + licences) + " group by licence_id");
            c.commit();
            // statistics outside a transaction: an ANALYZE rolled back with it leaves the planner guessing
            c.setAutoCommit(true);
            s.execute("analyze");
        }
    }
}
