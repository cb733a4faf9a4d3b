package org.xuke.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.LicenceKind;
import org.xuke.enterprise.Enterprise;
import org.xuke.licence.LicenceIssue;
import org.xuke.licence.LicenceLine;
import org.xuke.quota.QuotaClaim;

/**
 * What an approved export application hands to the licence context: the facts of every licence,
 * the goods lines as rows, the quota to draw (a quota commodity), and the export licence's own
 * content fields, which the licence context seals with the number, authority and issue date.
 */
final class ExportLicenceIssues {

    private ExportLicenceIssues() {
    }

    static LicenceIssue of(ExportApplication application, Enterprise enterprise, Commodity commodity) {
        ExportLicenceForm f = application.form();
        List<LicenceLine> lines = new ArrayList<>();
        for (SpecLine line : f.lines()) {
            lines.add(new LicenceLine(lines.size() + 1, f.commodityCode(), line.specification(), commodity.getUnitCode(),
                    line.quantity(), line.unitPrice(), line.total()));
        }
        QuotaClaim quota = commodity.isQuota() ? new QuotaClaim(application.getEnterpriseId(), application.getYear(),
                commodity.getCategoryCode(), application.getTotalQuantity(), application.getApplicationNumber()) : null;
        return new LicenceIssue(LicenceKind.EXPORT, application.getId(), application.getApplicationNumber(),
                application.getEnterpriseId(), application.getCreatedBy(), application.getDepartment(),
                application.getAuthorityCode(), application.getYear(), application.getValidityEnd(),
                application.isOneBatch(), f.portCode(), lines, f.grandTotalUsd(), quota,
                content(application, enterprise, commodity));
    }

    /** The export licence's fields of the sealed content (canonical JSON: key order does not matter). */
    private static Map<String, Object> content(ExportApplication application, Enterprise enterprise,
            Commodity commodity) {
        ExportLicenceForm f = application.form();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "EXPORT_LICENCE");
        doc.put("applicationNumber", application.getApplicationNumber());
        doc.put("exporter", Map.of("code", f.exporterCode(), "uscc", enterprise.getUscc().value(), "name",
                enterprise.getName()));
        doc.put("consignorCode", f.consignorCode());
        doc.put("validityEnd", f.validityEnd().toString());
        doc.put("tradeModeCode", f.tradeModeCode());
        doc.put("contractNumber", f.contractNumber());
        doc.put("portCode", f.portCode());
        doc.put("countryCode", f.countryCode());
        doc.put("paymentMethod", f.paymentMethod());
        doc.put("transportModeCode", f.transportModeCode());
        doc.put("commodity", Map.of("code", f.commodityCode(), "name", commodity.getNameZh(), "unit",
                commodity.getUnitCode()));
        doc.put("lines", f.lines().stream().map(l -> Map.of("specification", l.specification(), "unitPrice",
                l.unitPrice(), "quantity", l.quantity(), "total", l.total())).toList());
        doc.put("currencyCode", f.currencyCode());
        doc.put("totalQuantity", f.totalQuantity());
        doc.put("grandTotal", f.grandTotal());
        doc.put("grandTotalUsd", f.grandTotalUsd());
        doc.put("remarks", f.remarks());
        doc.put("oneBatch", f.oneBatch());
        return doc;
    }
}
