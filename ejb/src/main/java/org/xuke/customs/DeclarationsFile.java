package org.xuke.customs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;

/**
 * A declarations file customs hands over to catch up after an outage (docs/CUSTOMS-MESSAGES.md,
 * "Declarations file"): UTF-8 CSV, one declaration line per line, the same fields and rules as the
 * usage message. Each line becomes a usage of one line whose message id is derived from the line's
 * content, so that a file read twice (or a line in two files) is a duplicate and changes nothing.
 */
public final class DeclarationsFile {

    /** The header line (optional; the first line when present). The ninth field, the declarant, may be left out. */
    public static final String HEADER = "declaration_number,declaration_date,licence_number,port,state,line_number,"
            + "quantity,cumulative_quantity";
    private static final String HEADER_WITH_DECLARANT = HEADER + ",declarant";

    private static final Pattern DECLARATION = Pattern.compile("[0-9]{18}");
    private static final Pattern LICENCE = Pattern.compile("[0-9]{2}[A-Z]{2,4}[0-9]{4,6}");
    private static final Pattern PORT = Pattern.compile("[0-9]{4}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,5})?");

    /** A line that breaks the format: {@code code} names the rule (reconciliation.skip.* in the bundles). */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadLine(String code, String detail) {
            super(code + (detail == null ? "" : ":" + detail));
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private DeclarationsFile() {
    }

    /** Whether the line is the header, a comment ({@code #}) or blank: nothing to apply. */
    public static boolean isNotData(String line) {
        String s = strip(line);
        return s.isEmpty() || s.startsWith("#") || s.equalsIgnoreCase(HEADER) || s.equalsIgnoreCase(HEADER_WITH_DECLARANT);
    }

    /** One line as a usage for this deployment. */
    public static Usage parse(String line) throws BadLine {
        String s = strip(line);
        String[] f = s.split(",", -1);
        if (f.length != 8 && f.length != 9) {
            throw new BadLine("fields", f.length + "");
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        if (!DECLARATION.matcher(f[0]).matches()) {
            throw new BadLine("declarationNumber", f[0]);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(f[1]);
        } catch (DateTimeParseException e) {
            throw new BadLine("declarationDate", f[1]);
        }
        String licence = f[2].toUpperCase(Locale.ROOT);
        if (!LICENCE.matcher(licence).matches()) {
            throw new BadLine("licenceNumber", f[2]);
        }
        if (!PORT.matcher(f[3]).matches()) {
            throw new BadLine("port", f[3]);
        }
        DeclarationState state;
        try {
            state = DeclarationState.valueOf(f[4].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine("state", f[4]);
        }
        int lineNumber;
        try {
            lineNumber = Integer.parseInt(f[5]);
        } catch (NumberFormatException e) {
            lineNumber = 0;
        }
        if (lineNumber < 1 || lineNumber > 99) {
            throw new BadLine("lineNumber", f[5]);
        }
        if (!QUANTITY.matcher(f[6]).matches()) {
            throw new BadLine("quantity", f[6]);
        }
        if (!QUANTITY.matcher(f[7]).matches()) {
            throw new BadLine("cumulativeQuantity", f[7]);
        }
        String declarant = f.length == 9 && !f[8].isEmpty() ? f[8].toUpperCase(Locale.ROOT) : null;
        if (declarant != null && !USCC.matcher(declarant).matches()) {
            throw new BadLine("declarant", f[8]);
        }
        BigDecimal quantity = new BigDecimal(f[6]);
        BigDecimal cumulative = new BigDecimal(f[7]);
        if (cumulative.compareTo(quantity) < 0) {
            throw new BadLine("cumulativeBelowQuantity", f[7] + "<" + f[6]);
        }
        String canonical = String.join(",", f[0], date.toString(), licence, f[3], state.name(),
                String.valueOf(lineNumber), quantity.stripTrailingZeros().toPlainString(),
                cumulative.stripTrailingZeros().toPlainString(), declarant == null ? "" : declarant);
        UUID id = UUID.nameUUIDFromBytes(("declarations-file:" + canonical).getBytes(StandardCharsets.UTF_8));
        return new Usage(id, DeploymentName.id(), f[0], licence, f[3], date, state,
                List.of(new UsageLine(lineNumber, quantity, cumulative)), declarant);
    }

    private static String strip(String line) {
        String s = line == null ? "" : line;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s.strip();
    }
}
