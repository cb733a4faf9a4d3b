package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogFilter;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.catalog.ImportReport;
import org.xuke.catalog.LicenceKind;
import org.xuke.catalog.RowError;
import org.xuke.licence.AuthoritySettings;

/** The catalogue boundary inside Payara, reading and writing the real PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class CatalogServiceIT {

    private static final String HEADER = "year,code,name_zh,name_en,category_code,unit_code,management,"
            + "licence_kinds,quota,requires_approval,overshipment_pct,code_status,source,confidence,notes\n";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CatalogServiceIT.class);
    }

    @Inject
    CatalogService catalogs;

    @Inject
    AuthoritySettings settings;

    @Test
    void bundledCataloguesAreLoadedIntoPostgresqlAtFirstStart() {
        assertEquals(1049, catalogs.count(CatalogKind.CUSTOMS_PORT, CatalogFilter.none()));
        assertEquals(43, catalogs.count(CatalogKind.LICENSED_GOODS, new CatalogFilter(2026, null, null, null)));
        assertEquals(269, catalogs.count(CatalogKind.COUNTRY, CatalogFilter.none()));
        assertTrue(catalogs.years(CatalogKind.COMMODITY).contains(2026));
    }

    @Test
    void theWorkingDayCalendarComesFromTheHolidayCatalogue() {
        assertEquals(39, catalogs.count(CatalogKind.CALENDAR_DAY, new CatalogFilter(2026, null, null, null)));
        var calendar = catalogs.workingDays();
        assertEquals(java.time.LocalDate.of(2026, 10, 10), calendar.deadline(java.time.LocalDate.of(2026, 9, 30), 3),
                "three working days over National Day end on the Saturday worked");
        assertTrue(calendar.covers(2026));
    }

    @Test
    void findsCommodityByCodeAndByChineseName() {
        Commodity ods = catalogs.findCommodity(2026, "2903750010");
        assertNotNull(ods);
        assertEquals("1,1,1,2,2-五氟-3,3-二氯丙烷", ods.getNameZh());
        assertTrue(ods.requires(LicenceKind.EXPORT));

        List<CatalogEntry> byPrefix = catalogs.find(CatalogKind.COMMODITY,
                new CatalogFilter(2026, "290375", null, null), 0, 20, null, true);
        assertEquals(List.of("2026/2903750010"), byPrefix.stream().map(CatalogEntry::businessKey).toList());

        List<CatalogEntry> tungsten = catalogs.find(CatalogKind.COMMODITY, new CatalogFilter(null, null, null, "钨"),
                0, 20, "code", true);
        assertEquals(List.of("仲钨酸铵", "钨粉"), tungsten.stream().map(e -> ((Commodity) e).getNameZh()).toList());
        assertEquals(2, catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(null, null, null, "钨")));
    }

    @Test
    void pagesAndSortsInTheDatabase() {
        CatalogFilter beijing = new CatalogFilter(null, "01", null, null);
        long total = catalogs.count(CatalogKind.CUSTOMS_PORT, beijing);
        assertTrue(total > 20, "Beijing district has more than one page of ports: " + total);
        List<CatalogEntry> first = catalogs.find(CatalogKind.CUSTOMS_PORT, beijing, 0, 10, "code", false);
        List<CatalogEntry> second = catalogs.find(CatalogKind.CUSTOMS_PORT, beijing, 10, 10, "code", false);
        assertEquals(10, first.size());
        assertTrue(first.get(9).businessKey().compareTo(second.get(0).businessKey()) > 0, "descending across pages");
        // An attribute that is not a column is ignored rather than trusted.
        assertEquals(10, catalogs.find(CatalogKind.CUSTOMS_PORT, beijing, 0, 10, "id); drop table x; --", true).size());
    }

    @Test
    void malformedImportStoresNothingAndReportsEveryBadLine() {
        long before = catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(2026, null, null, null));
        String csv = HEADER
                + "2026,2903750010,新名称,,EL37,035,出口许可证,4,N,Y,0,confirmed,TEST,H,\n"
                + "2026,12345,坏代码,,EL37,035,出口许可证,4,N,N,0,confirmed,TEST,H,\n"
                + "2026,2903750099,坏单位,,EL37,ABC,出口许可证,4,N,N,0,confirmed,TEST,H,\n";
        ImportReport report = catalogs.importCsv(CatalogKind.COMMODITY, 2026, "bad.csv",
                csv.getBytes(StandardCharsets.UTF_8), "it");

        assertFalse(report.imported());
        assertEquals(0, report.rowsStored());
        assertEquals(List.of(3L, 4L), report.errors().stream().map(RowError::line).toList());
        assertEquals(before, catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(2026, null, null, null)));
        assertEquals("1,1,1,2,2-五氟-3,3-二氯丙烷", catalogs.findCommodity(2026, "2903750010").getNameZh());
    }

    @Test
    void fileInAnotherEncodingIsRefused() {
        byte[] gbk = (HEADER + "2026,2903750010,五氟,,EL37,035,出口许可证,4,N,Y,0,confirmed,TEST,H,\n")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        ImportReport report = catalogs.importCsv(CatalogKind.COMMODITY, 2026, "gbk.csv", gbk, "it");
        assertEquals(List.of("catalog.error.encoding"), report.errors().stream().map(RowError::key).toList());
    }

    @Test
    void validImportOfANewYearLeavesOtherYearsAlone() {
        long year2026 = catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(2026, null, null, null));
        String csv = HEADER
                + "2031,9022909030,X射线断层检查仪专用探测器,,D,007,新:机电办签发,O,N,N,0,confirmed,TEST,M,\n"
                + "2031,9022300000,X射线管,,z,007,新:直接进口,O,N,N,0,confirmed,TEST,M,\n";
        ImportReport first = catalogs.importCsv(CatalogKind.COMMODITY, 2031, "c2031.csv",
                csv.getBytes(StandardCharsets.UTF_8), "it");
        assertTrue(first.imported(), () -> first.errors().toString());
        assertEquals(2, first.rowsStored());

        // Importing the same year again replaces it rather than adding to it.
        ImportReport again = catalogs.importCsv(CatalogKind.COMMODITY, 2031, "c2031.csv",
                csv.getBytes(StandardCharsets.UTF_8), "it");
        assertTrue(again.imported());
        assertEquals(2, catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(2031, null, null, null)));
        assertEquals(year2026, catalogs.count(CatalogKind.COMMODITY, new CatalogFilter(2026, null, null, null)));
        assertTrue(catalogs.recentImports(5).stream().anyMatch(i -> "c2031.csv".equals(i.getFileName())
                && Integer.valueOf(2031).equals(i.getCatalogYear()) && "it".equals(i.getImportedBy())));
    }

    /**
     * The licence-number codes a bureau sets are not in the published authority table: a new
     * import of the table keeps them, and one that would drop, change or duplicate a code is refused.
     */
    @Test
    void reimportingTheAuthorityTableKeepsTheLicenceNumberCodes() throws Exception {
        settings.assignAtDeployment("it", "PROV-HAINAN", "HN");
        Map<String, String> before = licenceCodes();
        assertEquals("HN", before.get("PROV-HAINAN"), "set for this test, or earlier");
        byte[] table;
        try (InputStream in = getClass().getResourceAsStream("/org/xuke/catalog/data/issuing-authorities.csv")) {
            table = in.readAllBytes();
        }
        ImportReport again = catalogs.importCsv(CatalogKind.ISSUING_AUTHORITY, null, "issuing-authorities.csv",
                table, "it");
        assertTrue(again.imported(), () -> again.errors().toString());
        assertEquals(before, licenceCodes());

        String csv = new String(table, StandardCharsets.UTF_8);
        String hainan = csv.lines().filter(l -> l.startsWith("PROV-HAINAN,")).findFirst().orElseThrow();
        IssuingAuthority stored = catalogs.findAuthority("PROV-HAINAN");
        String changed = "PROV-HAINAN," + stored.getNameZh() + ",," + stored.getLevel() + ",\"" + stored.getRegion()
                + "\",HX,TEST,H,";
        String extra = "\nPROV-IT-TWIN,测试机构,,provincial,测试,HN,TEST,H,\n";
        assertEquals(List.of("catalog.error.authorityDropped"), refusal(csv.replace(hainan + "\n", "")));
        assertEquals(List.of("catalog.error.licenceCodeChanged"), refusal(csv.replace(hainan, changed)));
        assertEquals(List.of("catalog.error.licenceCodeTwice"), refusal(csv.stripTrailing() + extra));
        assertEquals(before, licenceCodes(), "a refused import changes nothing");
    }

    private List<String> refusal(String csv) {
        ImportReport report = catalogs.importCsv(CatalogKind.ISSUING_AUTHORITY, null, "authorities.csv",
                csv.getBytes(StandardCharsets.UTF_8), "it");
        assertEquals(0, report.rowsStored());
        return report.errors().stream().map(RowError::key).toList();
    }

    private Map<String, String> licenceCodes() {
        Map<String, String> codes = new TreeMap<>();
        for (CatalogEntry entry : catalogs.find(CatalogKind.ISSUING_AUTHORITY, CatalogFilter.none(), 0, 500, "code",
                true)) {
            IssuingAuthority authority = (IssuingAuthority) entry;
            codes.put(authority.getCode(), String.valueOf(authority.getLicenceNumberCode()));
        }
        return codes;
    }
}
