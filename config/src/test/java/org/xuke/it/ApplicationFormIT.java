package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportLicenceForm;
import org.xuke.application.SpecLine;

/**
 * The form rules against the catalogues in PostgreSQL: the seeds' HCFC-225ca (2903750010) is a
 * 2026 export licence commodity that needs a 批复单号; cigarettes (2402200000) are not under
 * export licences; codes must be in their catalogues. (Only catalogue-bound findings are asserted,
 * so the test does not depend on today's date.)
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationFormIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ApplicationFormIT.class);
    }

    @Inject
    ExportApplicationService applications;

    private static ExportLicenceForm form(String commodity, String port, String country, String approval) {
        return new ExportLicenceForm(2026, commodity, port, "2101020000001", "2101020000001", "0110", country, "2",
                "信用证", LocalDate.of(2026, 12, 31), "HT-2026-001", "502", approval,
                List.of(new SpecLine("99%", new BigDecimal("12.5"), new BigDecimal("100"))), new BigDecimal("1"), null,
                true);
    }

    private List<String> findings(ExportLicenceForm form) {
        return applications.check(form).stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    private static boolean about(List<String> findings, String... fields) {
        return findings.stream().anyMatch(f -> java.util.Arrays.stream(fields).anyMatch(x -> f.startsWith(x + ":")));
    }

    @Test
    void theCommodityOfThatYearDecides() {
        List<String> noApproval = findings(form("2903750010", "0100", "116", null));
        assertTrue(noApproval.contains("approvalNumber:form.approvalRequired"), noApproval::toString);
        assertFalse(about(noApproval, "commodityCode", "portCode", "countryCode", "currencyCode", "tradeModeCode",
                "transportModeCode"), noApproval::toString);
        List<String> withApproval = findings(form("2903750010", "0100", "116", "PF-2026-0001"));
        assertFalse(about(withApproval, "approvalNumber", "commodityCode"), withApproval::toString);
        assertTrue(findings(form("2402200000", "0100", "116", null)).contains("commodityCode:form.commodityNotLicensed"));
        assertTrue(findings(form("0000000000", "0100", "116", null)).contains("commodityCode:form.commodityUnknown"));
    }

    @Test
    void codesMustBeInTheirCatalogues() {
        List<String> bad = findings(form("2903750010", "9999", "EU", "PF-1"));
        assertTrue(bad.contains("portCode:form.unknownCode") && bad.contains("countryCode:form.countryEu"),
                bad::toString);
        assertTrue(findings(form("2903750010", "0100", "998", "PF-1")).contains("countryCode:form.unknownCode"));
    }

    @Test
    void chinaIsNoDestinationAndWithdrawnCodesAreRefused() {
        assertTrue(findings(form("2903750010", "0100", "142", "PF-1")).contains("countryCode:form.notDestination"));
        ExportLicenceForm mark = new ExportLicenceForm(2026, "2903750010", "0100", "2101020000001", "2101020000001",
                "0139", "410", "2", "信用证", LocalDate.of(2026, 12, 31), "HT-2026-001", "304", "PF-1",
                List.of(new SpecLine("99%", new BigDecimal("12.5"), new BigDecimal("100"))), new BigDecimal("1"), null,
                true);
        List<String> bad = findings(mark);
        assertTrue(bad.contains("currencyCode:form.notCurrent") && bad.contains("tradeModeCode:form.notCurrent"),
                "德国马克 and the legacy trade mode 0139: " + bad);
        ExportLicenceForm inward = new ExportLicenceForm(2026, "2903750010", "0100", "2101020000001", "2101020000001",
                "2225", "410", "2", "信用证", LocalDate.of(2026, 12, 31), "HT-2026-001", "502", "PF-1",
                List.of(new SpecLine("99%", new BigDecimal("12.5"), new BigDecimal("100"))), new BigDecimal("1"), null,
                true);
        assertTrue(findings(inward).contains("tradeModeCode:form.importOnly"),
                "2225 外资设备物品 (investment equipment imported) names no export");
    }
}
