package org.xuke.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.xuke.account.AccountService;

/**
 * A session signed in with an e-key stays bound to it: a request of that session presenting no
 * client certificate, or another one, ends the session (a copied session cookie is worth nothing
 * without the e-key it signed in with) and goes to the sign-in page. Demo accounts that sign in
 * with a password alone have nothing to bind to.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class EkeySessionBinding extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Session attribute: the SHA-256 fingerprint of the certificate the session signed in with. */
    static final String BOUND_CERTIFICATE = "xuke.session.ekey";
    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    @Inject
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object bound = session == null ? null : session.getAttribute(BOUND_CERTIFICATE);
        if (bound != null && !bound.equals(fingerprint(request))) {
            String user = request.getRemoteUser();
            session.invalidate();
            accounts.recordRefusedCertificate(user, "SESSION_BOUND_TO_ANOTHER", request.getRemoteAddr());
            String login = request.getContextPath() + "/login.xhtml?message=ekeyChanged";
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + login + "\"></redirect></partial-response>");
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Binds the session of {@code request} to the client certificate it presents (at sign-in). */
    static void bind(HttpServletRequest request) {
        String fingerprint = fingerprint(request);
        if (fingerprint != null) {
            request.getSession().setAttribute(BOUND_CERTIFICATE, fingerprint);
        }
    }

    /** The SHA-256 of the presented client certificate, or null when there is none. */
    static String fingerprint(HttpServletRequest request) {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CERTIFICATE_ATTRIBUTE);
        if (chain == null || chain.length == 0) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint the client certificate", e);
        }
    }
}
