package org.xuke.web.application;

import org.xuke.catalog.Commodity;
import org.xuke.catalog.LicenceKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogFilter;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.web.Texts;

/** The catalogue choices of the application form ("code name"), read once per request. */
@Named
@RequestScoped
public class FormChoices {

    @Inject
    private CatalogService catalogs;

    private List<SelectItem> countries;
    private List<SelectItem> tradeModes;
    private List<SelectItem> transportModes;
    private List<SelectItem> currencies;
    private List<SelectItem> paymentMethods;
    private List<SelectItem> ports;
    private List<SelectItem> authorities;

    public List<SelectItem> getCountries() {
        return countries == null ? countries = coded(CatalogKind.COUNTRY) : countries;
    }

    public List<SelectItem> getTradeModes() {
        return tradeModes == null ? tradeModes = coded(CatalogKind.TRADE_MODE) : tradeModes;
    }

    public List<SelectItem> getTransportModes() {
        return transportModes == null ? transportModes = coded(CatalogKind.TRANSPORT_MODE) : transportModes;
    }

    public List<SelectItem> getCurrencies() {
        return currencies == null ? currencies = coded(CatalogKind.CURRENCY) : currencies;
    }

    public List<SelectItem> getPorts() {
        return ports == null ? ports = coded(CatalogKind.CUSTOMS_PORT) : ports;
    }

    /** The issuing authorities by name (their codes, PROV-…, are not for people to read). */
    public List<SelectItem> getAuthorities() {
        if (authorities == null) {
            authorities = all(CatalogKind.ISSUING_AUTHORITY).stream().filter(e -> e.getCode() != null)
                    .map(e -> new SelectItem(e.getCode(), CatalogService.name(e, english()))).toList();
        }
        return authorities;
    }

    /** An authority's name ({@code code} itself if unknown). */
    public String authorityName(String code) {
        return getAuthorities().stream().filter(i -> i.getValue().equals(code)).map(SelectItem::getLabel).findFirst()
                .orElse(code);
    }

    /** The licence form's payment methods have no codes: the name is the value. */
    public List<SelectItem> getPaymentMethods() {
        if (paymentMethods == null) {
            paymentMethods = all(CatalogKind.PAYMENT_METHOD).stream().filter(CatalogService::usableOnLicence)
                    .map(e -> new SelectItem(e.getNameZh(), CatalogService.name(e, english()))).toList();
        }
        return paymentMethods;
    }

    /** "code name" of a catalogue code, for showing a stored application (the code alone if unknown). */
    public String label(CatalogKind kind, String code) {
        return catalogs.label(kind, code, english());
    }

    /** A commodity category as people read it: "EL06 大米". */
    public String categoryLabel(String code) {
        return catalogs.categoryLabel(code);
    }

    /** The unit of a commodity of a year, "code name" ("035 千克"). */
    public String unitOf(Commodity commodity) {
        return commodity == null ? "" : label(CatalogKind.UNIT, commodity.getUnitCode());
    }

    /** A unit's name alone ("千克"), written after a quantity; the code if the catalogue lacks it. */
    public String unitName(String code) {
        return code == null ? "" : catalogs.entry(CatalogKind.UNIT, code).map(e -> CatalogService.name(e, english()))
                .orElse(code);
    }

    /** 数量 with the commodity's unit ("数量（千克）"): the heading of the goods lines' quantities. */
    public String quantityHeading(Commodity commodity) {
        if (commodity == null) {
            return Texts.text("app.quantity");
        }
        return Texts.text("app.quantityIn", catalogs.entry(CatalogKind.UNIT, commodity.getUnitCode())
                .map(e -> CatalogService.name(e, english())).orElse(commodity.getUnitCode()));
    }

    /** The English pages show the catalogue's English names where it has them. */
    private static boolean english() {
        return "en".equals(Texts.locale().getLanguage());
    }

    /** The commodities of a year under export licence management (the first step's list). */
    public List<SelectItem> commodities(int year) {
        return catalogs.<Commodity>find(CatalogKind.COMMODITY, new CatalogFilter(year, null, null,
                null), 0, 500, "code", true).stream().filter(c -> c.requires(LicenceKind.EXPORT))
                .map(c -> new SelectItem(c.getCode(), c.getCode() + " " + CatalogService.name(c, english()))).toList();
    }

    /** Only what a licence may name: destinations, current currencies and trade modes. */
    private List<SelectItem> coded(CatalogKind kind) {
        return all(kind).stream().filter(e -> e.getCode() != null).filter(CatalogService::usableOnLicence)
                .map(e -> new SelectItem(e.getCode(), e.getCode() + " " + CatalogService.name(e, english()))).toList();
    }

    private List<CatalogEntry> all(CatalogKind kind) {
        List<CatalogEntry> entries = new java.util.ArrayList<>();
        for (int first = 0;; first += 500) {
            List<CatalogEntry> page = catalogs.find(kind, null, first, 500, "code", true);
            entries.addAll(page);
            if (page.size() < 500) {
                return entries;
            }
        }
    }
}
