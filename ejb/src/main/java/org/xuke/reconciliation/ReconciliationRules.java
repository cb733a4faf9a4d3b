package org.xuke.reconciliation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reconciliation of one licence against what customs declared, as a pure function of the
 * licence's own facts (so every licence kind is reconciled alike) and its declarations: per line
 * the used quantity is customs' cumulative figure (never a sum of increments), remaining and
 * uses follow; every broken rule is an anomaly with its evidence.
 */
public final class ReconciliationRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ReconciliationRules() {
    }

    /** One licence line: licensed quantity, the commodity's over-shipment tolerance (percent), customs' cumulative use. */
    public record LineFacts(int lineNumber, BigDecimal licensed, BigDecimal tolerancePercent, BigDecimal cumulative)
            implements Serializable {
    }

    /**
     * The licence as the rules need it. {@code endedOn}: the day it was deleted, written off or
     * returned, or null; {@code holderUscc}: its holder's unified social credit code.
     */
    public record LicenceFacts(long licenceId, String number, String portCode, boolean oneBatch, int usesAllowed,
            LocalDate validityEnd, LocalDate endedOn, List<LineFacts> lines, String holderUscc) implements Serializable {
    }

    /**
     * One declaration line against the licence: the quantity of that declaration on that line, and
     * who declared it where customs said (null where it did not).
     */
    public record DeclaredLine(String declarationNumber, LocalDate date, String portCode, int lineNumber,
            BigDecimal quantity, String declarantUscc) implements Serializable {
    }

    /** A line's figures after reconciliation; remaining is negative when customs let more through than licensed. */
    public record LineFigures(int lineNumber, BigDecimal licensed, BigDecimal used, BigDecimal remaining)
            implements Serializable {
    }

    /** A broken rule and its evidence (the declaration, the line, the figures). */
    public record Finding(AnomalyType type, String declarationNumber, Integer lineNumber, String evidence)
            implements Serializable {
    }

    /** What one licence comes to: per line figures, the number of declarations, every finding. */
    public record Outcome(long licenceId, String number, List<LineFigures> lines, int uses, List<Finding> findings,
            boolean cleared) implements Serializable {

        /** The same, knowing whether customs cleared every declaration (customs' word, not the rules'). */
        public Outcome withCleared(boolean allCleared) {
            return new Outcome(licenceId, number, lines, uses, findings, allCleared);
        }

        /** Every line used to its licensed quantity (within tolerance): a write-off is due. */
        public boolean fullyUsed() {
            return !lines.isEmpty() && lines.stream().allMatch(l -> l.remaining().signum() <= 0);
        }
    }

    public static Outcome reconcile(LicenceFacts licence, List<DeclaredLine> declared) {
        List<DeclaredLine> ordered = new ArrayList<>(declared);
        ordered.sort(Comparator.comparing(DeclaredLine::date).thenComparing(DeclaredLine::declarationNumber)
                .thenComparingInt(DeclaredLine::lineNumber));
        List<Finding> findings = new ArrayList<>();
        Set<String> declarations = new LinkedHashSet<>();
        for (DeclaredLine line : ordered) {
            boolean first = declarations.add(line.declarationNumber());
            if (!first) {
                continue;
            }
            if (declarations.size() > licence.usesAllowed()) {
                findings.add(new Finding(AnomalyType.TOO_MANY_USES, line.declarationNumber(), null,
                        "uses=" + declarations.size() + ";allowed=" + licence.usesAllowed()
                                + (licence.oneBatch() ? ";oneBatch" : "")));
            }
            if (licence.portCode() != null && !licence.portCode().equals(line.portCode())) {
                findings.add(new Finding(AnomalyType.WRONG_PORT, line.declarationNumber(), null,
                        "port=" + line.portCode() + ";licencePort=" + licence.portCode()));
            }
            if (line.date().isAfter(licence.validityEnd())) {
                findings.add(new Finding(AnomalyType.AFTER_EXPIRY, line.declarationNumber(), null,
                        "date=" + line.date() + ";validityEnd=" + licence.validityEnd()));
            }
            if (line.declarantUscc() != null && licence.holderUscc() != null
                    && !line.declarantUscc().equals(licence.holderUscc())) {
                findings.add(new Finding(AnomalyType.BY_ANOTHER_HOLDER, line.declarationNumber(), null,
                        "declarant=" + line.declarantUscc() + ";holder=" + licence.holderUscc()));
            }
            if (licence.endedOn() != null && line.date().isAfter(licence.endedOn())) {
                findings.add(new Finding(AnomalyType.AFTER_END, line.declarationNumber(), null,
                        "date=" + line.date() + ";endedOn=" + licence.endedOn()));
            }
        }
        List<LineFigures> figures = new ArrayList<>();
        for (LineFacts facts : licence.lines()) {
            // each declaration may go beyond the balance left by the tolerance on that balance (the last one's rule)
            BigDecimal before = BigDecimal.ZERO;
            for (DeclaredLine line : ordered) {
                if (line.lineNumber() != facts.lineNumber()) {
                    continue;
                }
                BigDecimal balance = facts.licensed().subtract(before).max(BigDecimal.ZERO);
                BigDecimal allowed = balance.add(balance.multiply(facts.tolerancePercent())
                        .divide(HUNDRED, 5, RoundingMode.HALF_UP));
                if (line.quantity().compareTo(allowed) > 0) {
                    findings.add(new Finding(AnomalyType.ABOVE_TOLERANCE, line.declarationNumber(), facts.lineNumber(),
                            "declared=" + plain(line.quantity()) + ";balance=" + plain(balance) + ";tolerance="
                                    + plain(facts.tolerancePercent()) + "%;allowed=" + plain(allowed)));
                }
                before = before.add(line.quantity());
            }
            BigDecimal used = facts.cumulative() == null ? BigDecimal.ZERO : facts.cumulative();
            figures.add(new LineFigures(facts.lineNumber(), facts.licensed(), used, facts.licensed().subtract(used)));
        }
        return new Outcome(licence.licenceId(), licence.number(), figures, declarations.size(), findings, false);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
