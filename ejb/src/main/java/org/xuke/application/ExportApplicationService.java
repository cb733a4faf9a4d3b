package org.xuke.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xuke.application.FormRules.FieldError;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.LicenceKind;

/**
 * The boundary of export licence applications. So far: checking a form against DOMAIN.md's rules
 * and against the catalogues of its year, as the form page does at every save.
 */
@Stateless
public class ExportApplicationService {

    /** Quantities to three decimals until the unit catalogue carries each unit's precision. */
    static final int QUANTITY_SCALE = 3;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Clock clock;

    /** Every broken rule of the form, at its field; empty when the form may be saved. */
    public List<FieldError> check(ExportLicenceForm form) {
        String code = form.commodityCode() == null ? null : form.commodityCode().strip();
        Commodity commodity = code == null || code.isEmpty() ? null : catalogs.findCommodity(form.year(), code);
        FormRules.Context context = new FormRules.Context(LocalDate.now(clock), commodity != null,
                commodity != null && commodity.requires(LicenceKind.EXPORT), commodity != null && commodity.isQuota(),
                QUANTITY_SCALE, commodity != null && commodity.isRequiresApproval());
        List<FieldError> errors = new ArrayList<>(FormRules.check(form, context));
        known(errors, "portCode", CatalogKind.CUSTOMS_PORT, form.portCode());
        known(errors, "countryCode", CatalogKind.COUNTRY, form.countryCode());
        known(errors, "tradeModeCode", CatalogKind.TRADE_MODE, form.tradeModeCode());
        known(errors, "transportModeCode", CatalogKind.TRANSPORT_MODE, form.transportModeCode());
        known(errors, "currencyCode", CatalogKind.CURRENCY, form.currencyCode());
        return errors;
    }

    private void known(List<FieldError> errors, String field, CatalogKind kind, String code) {
        if (code == null || code.isBlank() || errors.stream().anyMatch(e -> e.field().equals(field))) {
            return;
        }
        if (!catalogs.exists(kind, null, code.strip())) {
            errors.add(new FieldError(field, "form.unknownCode", List.of(code.strip())));
        }
    }
}
