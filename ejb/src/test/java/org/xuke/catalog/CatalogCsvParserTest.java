package org.xuke.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogCsvParserTest {

    private static final String UNITS_HEADER = "code,name_zh,name_en,source,confidence,notes\n";
    private static final String COMMODITY_HEADER = "year,code,name_zh,name_en,category_code,unit_code,management,"
            + "licence_kinds,quota,requires_approval,overshipment_pct,code_status,source,confidence,notes\n";

    /** Knows the units and goods of the bundled files, as the database would after loading them. */
    private final ImportContext bundledContext = new ImportContext() {
        private final Set<String> units = parseBundled(CatalogKind.UNIT, null, "units.csv").entries().stream()
                .map(CatalogEntry::businessKey).collect(Collectors.toSet());
        private final Set<String> goods = parseBundled(CatalogKind.LICENSED_GOODS, 2026,
                "export-licence-goods-2026.csv").entries().stream().map(CatalogEntry::businessKey)
                .collect(Collectors.toSet());

        @Override
        public boolean unitExists(String code) {
            return units.contains(code);
        }

        @Override
        public boolean licensedGoodsExists(int year, String code) {
            return goods.contains(year + "/" + code);
        }
    };

    private final CatalogCsvParser parser = new CatalogCsvParser();

    static List<CatalogBootstrap.BundledFile> bundled() {
        return CatalogBootstrap.bundledFiles();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledCatalogueIsValid(CatalogBootstrap.BundledFile file) {
        CatalogCsvParser.Result result = parseBundled(file.kind(), file.year(), file.name(), bundledContext);
        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).hasSize(result.rowsRead()).isNotEmpty();
    }

    @Test
    void bundledFilesHaveTheOfficialTablesSizes() {
        assertThat(parseBundled(CatalogKind.CUSTOMS_PORT, null, "customs-districts.csv").entries()).hasSize(1049);
        assertThat(parseBundled(CatalogKind.LICENSED_GOODS, 2026, "export-licence-goods-2026.csv").entries())
                .hasSize(43);
        assertThat(parseBundled(CatalogKind.COUNTRY, null, "countries.csv").entries()).hasSize(269);
    }

    @Test
    void theCountryTableSaysWhichCodesMayBeDestinations() {
        List<Country> countries = parseBundled(CatalogKind.COUNTRY, null, "countries.csv").entries().stream()
                .map(Country.class::cast).toList();
        assertThat(countries.stream().filter(c -> !c.isDestination()).map(Country::getCode).distinct().sorted())
                .containsExactly("142", "349", "409", "436", "701", "999");
        assertThat(countries.stream().filter(c -> List.of("110", "116", "143").contains(c.getCode()))
                .allMatch(Country::isDestination)).as("Hong Kong, Macao and Taiwan are customs territories of their own")
                .isTrue();
    }

    @Test
    void theTradeModeTableSaysWhichWayGoodsGo() {
        List<TradeMode> modes = parseBundled(CatalogKind.TRADE_MODE, null, "trade-modes.csv").entries().stream()
                .map(TradeMode.class::cast).toList();
        assertThat(modes.stream().filter(m -> !m.allowsExport()).map(TradeMode::getCode))
                .contains("2225", "3410", "4539", "0644").doesNotContain("0110", "0214", "3422", "1427");
        assertThat(modes.stream().filter(m -> m.getDirection().equals(TradeMode.EXPORT)).map(TradeMode::getCode))
                .contains("3422", "9710", "0664");
        assertThatThrownBy(() -> new TradeMode("0110", "一般贸易", null, null, "current", "inward", null))
                .isInstanceOf(CatalogDataException.class);
    }

    @Test
    void theHolidayCalendarGivesTheWorkingDays() {
        List<CalendarDay> days = parseBundled(CatalogKind.CALENDAR_DAY, 2026, "holidays-cn-2026.csv").entries()
                .stream().map(CalendarDay.class::cast).toList();
        assertThat(days).hasSize(39);
        java.util.Map<java.time.LocalDate, org.xuke.calendar.WorkingDays.Kind> map = new java.util.HashMap<>();
        days.forEach(d -> map.put(d.day(), d.kind()));
        org.xuke.calendar.WorkingDays calendar = new org.xuke.calendar.WorkingDays(map);
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 1, 4))).as("Sunday worked").isTrue();
        assertThat(calendar.deadline(java.time.LocalDate.of(2026, 9, 30), 3)).isEqualTo(java.time.LocalDate.of(2026, 10, 10));
    }

    @Test
    void aCalendarDayOfAnotherYearOrKindIsRefused() {
        String csv = "date,type,name_zh,source,confidence\n2027-01-01,holiday,元旦,GOV,H\n2026-05-01,vacation,劳动节,GOV,H\n";
        var result = new CatalogCsvParser().parse(CatalogKind.CALENDAR_DAY, 2026, new java.io.StringReader(csv), null);
        assertThat(result.errors()).extracting(RowError::key)
                .containsExactly("catalog.error.yearMismatch", "catalog.error.dayKind");
    }

    @Test
    void commodityCatalogueHoldsEveryCodeTheSeedsShow() {
        List<String> codes = parseBundled(CatalogKind.COMMODITY, 2026, "commodities-2026.csv", bundledContext)
                .entries().stream().map(e -> ((Commodity) e).getCode()).toList();
        assertThat(codes).contains("2903750010", "9022909030", "9022909020", "9022901000", "9022300000",
                "9022140090", "9022140010", "9022130000", "9022120000", "9018131000", "9018130110", "9504901000",
                "2402200000", "2303300011", "2711210000");
    }

    @Test
    void unconfirmedCodesAreMarkedAndInferredRowsSaySo() {
        List<Commodity> commodities = parseBundled(CatalogKind.COMMODITY, 2026, "commodities-2026.csv",
                bundledContext).entries().stream().map(Commodity.class::cast).toList();
        assertThat(commodities).filteredOn(c -> !c.isCodeConfirmed())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.getProvenance().getConfidence()).isNotEqualTo(Confidence.H));
        Commodity ods = commodities.stream().filter(c -> c.getCode().equals("2903750010")).findFirst().orElseThrow();
        assertThat(ods.requires(LicenceKind.EXPORT)).isTrue();
        assertThat(ods.isRequiresApproval()).isTrue();
        assertThat(ods.getNameZh()).isEqualTo("1,1,1,2,2-五氟-3,3-二氯丙烷");
    }

    @Test
    void malformedRowsAreReportedWithLineAndReasonAndNothingIsAccepted() {
        String csv = COMMODITY_HEADER
                + "2026,2903750010,好的商品,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"      // line 2: fine
                + "2026,290375001,短代码,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"         // line 3: 9 digits
                + "2026,2903750011,,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"              // line 4: no name
                + "2026,2903750012,单位错,,EL37,999,出口许可证,4,N,N,0,confirmed,SRC,H,\n"         // line 5: unit
                + "2026,2903750013,证件错,,EL37,035,出口许可证,Q,N,N,0,confirmed,SRC,H,\n"         // line 6: kind
                + "2026,2903750014,溢装错,,EL37,035,出口许可证,4,N,N,-1,confirmed,SRC,H,\n"        // line 7: tolerance
                + "2026,2903750015,可信度错,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,X,\n"       // line 8: confidence
                + "2026,2903750010,重复,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"           // line 9: duplicate
                + "2025,2903750016,年度错,,EL37,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"         // line 10: year
                + "2026,2903750017,列数错,,EL37\n"                                                // line 11: columns
                + "2026,2903750018,大类错,,EL99,035,出口许可证,4,N,N,0,confirmed,SRC,H,\n"         // line 12: category
                + "2026,2903750019,标志错,,EL37,035,出口许可证,4,maybe,N,0,confirmed,SRC,H,\n";    // line 13: flag
        CatalogCsvParser.Result result = parser.parse(CatalogKind.COMMODITY, 2026, new StringReader(csv),
                bundledContext);

        assertThat(result.rowsRead()).isEqualTo(12);
        assertThat(result.errors()).extracting(RowError::line, RowError::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "catalog.error.format"),
                org.assertj.core.groups.Tuple.tuple(4L, "catalog.error.required"),
                org.assertj.core.groups.Tuple.tuple(5L, "catalog.error.unknownUnit"),
                org.assertj.core.groups.Tuple.tuple(6L, "catalog.error.licenceKind"),
                org.assertj.core.groups.Tuple.tuple(7L, "catalog.error.tolerance"),
                org.assertj.core.groups.Tuple.tuple(8L, "catalog.error.confidence"),
                org.assertj.core.groups.Tuple.tuple(9L, "catalog.error.duplicate"),
                org.assertj.core.groups.Tuple.tuple(10L, "catalog.error.yearMismatch"),
                org.assertj.core.groups.Tuple.tuple(11L, "catalog.error.columnCount"),
                org.assertj.core.groups.Tuple.tuple(12L, "catalog.error.unknownCategory"),
                org.assertj.core.groups.Tuple.tuple(13L, "catalog.error.flag"));
        assertThat(result.errors().get(0).arguments()).containsExactly("code", "290375001", "10 digits");
        assertThat(result.errors().get(6).arguments()).containsExactly("2026/2903750010", "2");
    }

    @Test
    void missingColumnsRefuseTheWholeFile() {
        CatalogCsvParser.Result result = parser.parse(CatalogKind.UNIT, null,
                new StringReader("code,name_en\n035,kilogram\n"), bundledContext);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.key()).isEqualTo("catalog.error.missingColumns");
            assertThat(e.arguments()).containsExactly("name_zh, source, confidence");
        });
        assertThat(result.entries()).isEmpty();
    }

    @Test
    void emptyFileAndHeaderOnlyFileAreRefused() {
        assertThat(parser.parse(CatalogKind.UNIT, null, new StringReader(""), bundledContext).errors())
                .extracting(RowError::key).containsExactly("catalog.error.empty");
        assertThat(parser.parse(CatalogKind.UNIT, null, new StringReader(UNITS_HEADER), bundledContext).errors())
                .extracting(RowError::key).containsExactly("catalog.error.empty");
    }

    @Test
    void unclosedQuoteIsReportedNotThrown() {
        CatalogCsvParser.Result result = parser.parse(CatalogKind.UNIT, null,
                new StringReader(UNITS_HEADER + "035,千克,kilogram,SRC,H,\n036,\"克,gram,SRC,H,\n"), bundledContext);
        assertThat(result.errors()).extracting(RowError::key).contains("catalog.error.unreadable");
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsAccepted() {
        CatalogCsvParser.Result result = parser.parse(CatalogKind.UNIT, null,
                new StringReader("\uFEFF" + UNITS_HEADER + "035,千克,kilogram,SRC,H,\n"), bundledContext);
        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).singleElement().extracting(CatalogEntry::businessKey).isEqualTo("035");
    }

    @Test
    void yearlyCatalogueNeedsAYear() {
        CatalogCsvParser.Result result = parser.parse(CatalogKind.COMMODITY, null,
                new StringReader(COMMODITY_HEADER), bundledContext);
        assertThat(result.errors()).extracting(RowError::key).containsExactly("catalog.error.yearRequired");
    }

    @Test
    void everyErrorKeyHasAChineseAndAnEnglishMessage() throws Exception {
        var zh = java.util.ResourceBundle.getBundle("org.xuke.catalog.CatalogMessages", java.util.Locale.SIMPLIFIED_CHINESE);
        var en = java.util.ResourceBundle.getBundle("org.xuke.catalog.CatalogMessages", java.util.Locale.ENGLISH);
        String sources = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                "src/main/java/org/xuke/catalog/CatalogCsvParser.java")), StandardCharsets.UTF_8)
                + readAll("src/main/java/org/xuke/catalog");
        var keys = java.util.regex.Pattern.compile("\"(catalog\\.error\\.[A-Za-z]+)\"").matcher(sources).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(keys).hasSizeGreaterThan(15);
        for (String key : keys) {
            assertThat(zh.getString(key)).as(key).isNotBlank();
            assertThat(en.getString(key)).as(key).isNotBlank();
            assertThat(zh.getString(key)).as("Chinese text for " + key).isNotEqualTo(en.getString(key));
        }
    }

    private static String readAll(String dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
            StringBuilder all = new StringBuilder();
            for (var file : files.toList()) {
                all.append(java.nio.file.Files.readString(file));
            }
            return all.toString();
        }
    }

    private CatalogCsvParser.Result parseBundled(CatalogKind kind, Integer year, String name) {
        // Units and goods do not refer to other catalogues.
        return parseBundled(kind, year, name, null);
    }

    private static CatalogCsvParser.Result parseBundled(CatalogKind kind, Integer year, String name,
            ImportContext context) {
        var in = CatalogCsvParserTest.class.getResourceAsStream(CatalogBootstrap.DATA + name);
        assertThat(in).as(name).isNotNull();
        return new CatalogCsvParser().parse(kind, year, new InputStreamReader(in, StandardCharsets.UTF_8), context);
    }
}
