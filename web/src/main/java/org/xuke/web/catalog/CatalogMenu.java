package org.xuke.web.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.xuke.catalog.CatalogKind;

/** The catalogues in the order seed 001 lists them (参数列表), then the supporting tables. */
@Named
@ApplicationScoped
public class CatalogMenu {

    private static final List<CatalogKind> KINDS = List.of(CatalogKind.COMMODITY, CatalogKind.TRADE_MODE,
            CatalogKind.COUNTRY, CatalogKind.PAYMENT_METHOD, CatalogKind.CUSTOMS_PORT, CatalogKind.TRANSPORT_MODE,
            CatalogKind.CURRENCY, CatalogKind.ISSUING_AUTHORITY, CatalogKind.LICENSED_GOODS, CatalogKind.UNIT,
            CatalogKind.CALENDAR_DAY);

    public List<CatalogKind> getKinds() {
        return KINDS;
    }
}
