package org.xuke.web.licence;

import java.net.URI;
import java.net.URISyntaxException;
import org.xuke.platform.DomainRuleException;

/**
 * The portal's public address, printed into licences (QR code, verification text) and so signed
 * with them: configuration only, never taken from a request (a forged Host header would otherwise
 * put its own address into a validly signed licence). A bureau sets
 * {@code -Dxuke.publicBaseUrl=https://xuke.example.gov.cn}; the run command and the integration
 * tests set the loopback address they serve. Without it, printing is refused with a message.
 */
public final class PublicAddress {

    static final String PROPERTY = "xuke.publicBaseUrl";

    private PublicAddress() {
    }

    public static String configured() {
        return of(System.getProperty(PROPERTY));
    }

    /** The configured address without a trailing slash; refused unless an absolute http(s) address without query. */
    static String of(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new DomainRuleException("print.noPublicAddress");
        }
        String address = configured.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(address);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new DomainRuleException("print.noPublicAddress");
            }
        } catch (URISyntaxException e) {
            throw new DomainRuleException("print.noPublicAddress");
        }
        return address;
    }
}
