package org.xuke.licence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xuke.catalog.LicenceKind;
import org.xuke.quota.QuotaClaim;

/**
 * What the application side hands to {@link LicenceService#issue} once an application is
 * approved: the facts every licence kind has (holder, authority, validity, use, port, goods
 * lines) and the kind's own content fields. The licence context adds the number, the authority's
 * name and the issue date, seals the whole and stores it; it never reads the application.
 *
 * @param source     the application's id, kept on the licence as a reference
 * @param sourceLabel the application number, for the audit
 * @param applicant  who filed it and his department: the enterprise side's data scope
 * @param quota      the quota to draw on issue (its hold is the application's), or null
 * @param content    the kind's own fields of the sealed content (without number, authority, issue date)
 */
public record LicenceIssue(LicenceKind kind, long source, String sourceLabel, long enterpriseId, String applicant,
        String department, String authorityCode, int year, LocalDate validityEnd, boolean oneBatch, String portCode,
        List<LicenceLine> lines, BigDecimal totalUsd, QuotaClaim quota, Map<String, Object> content)
        implements Serializable {

    public LicenceIssue {
        if (kind == null || lines == null || lines.isEmpty() || validityEnd == null || content == null) {
            throw new IllegalArgumentException("a licence needs its kind, goods lines, validity and content");
        }
        lines = List.copyOf(lines);
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /** The commodity of the first line: what the lists show. */
    public String commodityCode() {
        return lines.get(0).getCommodityCode();
    }

    public BigDecimal totalQuantity() {
        return lines.stream().map(LicenceLine::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
