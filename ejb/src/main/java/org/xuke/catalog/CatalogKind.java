package org.xuke.catalog;

import java.util.List;

/**
 * The reference catalogues (参数列表, seed 001 section 五): their entity, CSV columns, which
 * attributes the portal searches and shows, and how a CSV row becomes an entity.
 * Listed in import order: a catalogue comes after those it refers to.
 */
public enum CatalogKind {

    UNIT(MeasurementUnit.class, false, null, List.of("nameZh", "nameEn"),
            List.of("code", "nameZh", "nameEn", "provenance.confidence"),
            List.of("code", "name_zh", "source", "confidence"), CatalogCsvFormats::unit),
    LICENSED_GOODS(LicensedGoods.class, true, null, List.of("nameZh"),
            List.of("catalogYear", "code", "nameZh", "quota", "issuingLevel", "hsHeadings", "exampleCodes",
                    "provenance.confidence"),
            List.of("seq", "goods_zh", "management", "quota", "source", "confidence"),
            CatalogCsvFormats::licensedGoods),
    COMMODITY(Commodity.class, true, "categoryCode", List.of("nameZh", "nameEn"),
            List.of("catalogYear", "code", "nameZh", "categoryCode", "unitCode", "management", "licenceKinds",
                    "quota", "overshipmentPercent", "codeConfirmed", "provenance.confidence"),
            List.of("code", "name_zh", "category_code", "unit_code", "management", "licence_kinds", "quota",
                    "requires_approval", "overshipment_pct", "code_status", "source", "confidence"),
            CatalogCsvFormats::commodity),
    TRADE_MODE(TradeMode.class, false, null, List.of("nameZh", "nameFullZh", "nameEn"),
            List.of("code", "nameZh", "nameFullZh", "nameEn", "inUse", "direction", "provenance.confidence"),
            List.of("code", "name_zh", "status", "source", "confidence"), CatalogCsvFormats::tradeMode),
    COUNTRY(Country.class, false, null, List.of("nameZh", "nameEn", "isoAlpha3"),
            List.of("code", "isoAlpha3", "isoAlpha2", "nameZh", "nameEn", "destination", "provenance.confidence"),
            List.of("customs_code", "iso_alpha3", "name_zh", "destination", "source", "confidence"),
            CatalogCsvFormats::country),
    PAYMENT_METHOD(PaymentMethod.class, false, null, List.of("nameZh", "nameEn"),
            List.of("codeSystem", "code", "nameZh", "nameEn", "relatedCodes", "provenance.confidence"),
            List.of("code_system", "name_zh", "source", "confidence"), CatalogCsvFormats::paymentMethod),
    CUSTOMS_PORT(CustomsPort.class, false, "parentCode", List.of("nameZh", "nameFullZh", "nameEn"),
            List.of("code", "nameZh", "nameFullZh", "level", "parentCode", "provinceZh", "provenance.confidence"),
            List.of("code", "name_zh", "level", "source", "confidence"), CatalogCsvFormats::customsPort),
    TRANSPORT_MODE(TransportMode.class, false, null, List.of("nameZh", "nameEn"),
            List.of("code", "nameZh", "nameEn", "provenance.confidence"),
            List.of("code", "name_zh", "source", "confidence"), CatalogCsvFormats::transportMode),
    CURRENCY(Currency.class, false, null, List.of("nameZh", "nameEn", "isoAlpha"),
            List.of("code", "isoAlpha", "nameZh", "nameEn", "inUse", "provenance.confidence"),
            List.of("customs_code", "iso_alpha", "name_zh", "status", "source", "confidence"),
            CatalogCsvFormats::currency),
    ISSUING_AUTHORITY(IssuingAuthority.class, false, "level", List.of("nameZh", "nameEn", "region"),
            List.of("code", "nameZh", "level", "region", "licenceNumberCode", "provenance.confidence"),
            List.of("id", "name_zh", "level", "region", "source", "confidence"),
            CatalogCsvFormats::issuingAuthority),
    CALENDAR_DAY(CalendarDay.class, true, "dayKind", List.of("nameZh", "nameEn"),
            List.of("catalogYear", "code", "dayKind", "nameZh", "nameEn", "provenance.confidence"),
            List.of("date", "type", "name_zh", "source", "confidence"), CatalogCsvFormats::calendarDay);

    /** Turns one CSV row into an entity, or throws {@link CatalogDataException}. */
    @FunctionalInterface
    public interface RowParser {
        CatalogEntry parse(CsvRow row, Integer year, ImportContext context);
    }

    private final Class<? extends CatalogEntry> entityClass;
    private final boolean yearly;
    private final String categoryAttribute;
    private final List<String> nameAttributes;
    private final List<String> columns;
    private final List<String> requiredCsvColumns;
    private final RowParser parser;

    CatalogKind(Class<? extends CatalogEntry> entityClass, boolean yearly, String categoryAttribute,
            List<String> nameAttributes, List<String> columns, List<String> requiredCsvColumns, RowParser parser) {
        this.entityClass = entityClass;
        this.yearly = yearly;
        this.categoryAttribute = categoryAttribute;
        this.nameAttributes = nameAttributes;
        this.columns = columns;
        this.requiredCsvColumns = requiredCsvColumns;
        this.parser = parser;
    }

    public Class<? extends CatalogEntry> entityClass() {
        return entityClass;
    }

    /** Whether the catalogue is kept per year (a new year is imported beside the old ones). */
    public boolean isYearly() {
        return yearly;
    }

    /** The attribute the category filter applies to, or null where there is none. */
    public String categoryAttribute() {
        return categoryAttribute;
    }

    public List<String> nameAttributes() {
        return nameAttributes;
    }

    /** Attributes shown in the portal, in order; also the only ones a user may sort by. */
    public List<String> columns() {
        return columns;
    }

    public List<String> requiredCsvColumns() {
        return requiredCsvColumns;
    }

    RowParser parser() {
        return parser;
    }

    /** URL-friendly name, e.g. {@code customs-port}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    public static CatalogKind fromSlug(String slug) {
        for (CatalogKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return kind;
            }
        }
        return null;
    }
}
