package org.xuke.catalog;

/** How each catalogue's CSV columns map onto its entity. The column names are those of shared/reference-data. */
final class CatalogCsvFormats {

    private CatalogCsvFormats() {
    }

    static CatalogEntry unit(CsvRow row, Integer year, ImportContext context) {
        return new MeasurementUnit(row.required("code"), row.required("name_zh"), row.get("name_en"),
                row.provenance());
    }

    static CatalogEntry licensedGoods(CsvRow row, Integer year, ImportContext context) {
        int sequence = row.integer("seq");
        if (sequence < 1 || sequence > 99) {
            throw new CatalogDataException("catalog.error.number", "seq", String.valueOf(sequence));
        }
        return new LicensedGoods(year, LicensedGoods.codeFor(sequence), row.required("goods_zh"),
                row.required("management"), row.required("quota"), row.get("issuing_level"),
                row.get("hs_headings_indicative"), row.get("example_codes"), row.provenance());
    }

    static CatalogEntry commodity(CsvRow row, Integer year, ImportContext context) {
        String rowYear = row.get("year");
        if (rowYear != null && !rowYear.equals(String.valueOf(year))) {
            throw new CatalogDataException("catalog.error.yearMismatch", rowYear, String.valueOf(year));
        }
        String unit = row.required("unit_code");
        if (!context.unitExists(unit)) {
            throw new CatalogDataException("catalog.error.unknownUnit", unit);
        }
        String category = row.required("category_code");
        if (category.startsWith("EL") && !context.licensedGoodsExists(year, category)) {
            throw new CatalogDataException("catalog.error.unknownCategory", category, String.valueOf(year));
        }
        String status = row.required("code_status");
        if (!status.equals("confirmed") && !status.equals("unconfirmed")) {
            throw new CatalogDataException("catalog.error.codeStatus", status);
        }
        return new Commodity(year, row.required("code"), row.required("name_zh"), row.get("name_en"), category,
                unit, row.required("management"), LicenceKind.parseList(row.required("licence_kinds")),
                row.flag("quota"), row.flag("requires_approval"), row.decimal("overshipment_pct"),
                status.equals("confirmed"), row.provenance());
    }

    static CatalogEntry tradeMode(CsvRow row, Integer year, ImportContext context) {
        return new TradeMode(row.required("code"), row.required("name_zh"), row.get("name_full_zh"),
                row.get("name_en"), row.required("status"), row.get("direction"), row.provenance());
    }

    static CatalogEntry country(CsvRow row, Integer year, ImportContext context) {
        return new Country(row.required("customs_code"), row.get("iso_alpha3"), row.get("iso_alpha2"),
                row.required("name_zh"), row.get("name_en"), row.flag("destination"), row.provenance());
    }

    static CatalogEntry paymentMethod(CsvRow row, Integer year, ImportContext context) {
        return new PaymentMethod(row.required("code_system"), row.get("code"), row.required("name_zh"),
                row.get("name_en"), row.get("related_customs_codes"), row.provenance());
    }

    static CatalogEntry customsPort(CsvRow row, Integer year, ImportContext context) {
        return new CustomsPort(row.required("code"), row.required("name_zh"), row.get("name_full_zh"),
                row.required("level"), row.get("parent_code"), row.get("province_zh"), row.get("name_en"),
                row.provenance());
    }

    static CatalogEntry calendarDay(CsvRow row, Integer year, ImportContext context) {
        return new CalendarDay(year, row.required("date"), row.required("type"), row.required("name_zh"),
                row.get("name_en"), row.provenance());
    }

    static CatalogEntry transportMode(CsvRow row, Integer year, ImportContext context) {
        return new TransportMode(row.required("code"), row.required("name_zh"), row.get("name_en"),
                row.provenance());
    }

    static CatalogEntry currency(CsvRow row, Integer year, ImportContext context) {
        return new Currency(row.required("customs_code"), row.required("iso_alpha"), row.required("name_zh"),
                row.get("name_en"), row.required("status"), row.provenance());
    }

    static CatalogEntry issuingAuthority(CsvRow row, Integer year, ImportContext context) {
        return new IssuingAuthority(row.required("id"), row.required("name_zh"), row.get("name_en"),
                row.required("level"), row.required("region"), row.get("licence_no_code"), row.provenance());
    }
}
