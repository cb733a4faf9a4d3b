package org.xuke.web.licence;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's public address, printed into licences (QR code, verification text). A bureau
 * behind a reverse proxy sets {@code -Dxuke.publicBaseUrl=https://xuke.example.gov.cn/xuke};
 * without it the address the request came to is used.
 */
public final class PublicAddress {

    private PublicAddress() {
    }

    public static String of(HttpServletRequest request) {
        String configured = System.getProperty("xuke.publicBaseUrl");
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        int port = request.getServerPort();
        boolean defaultPort = "https".equals(request.getScheme()) ? port == 443 : port == 80;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath();
    }
}
