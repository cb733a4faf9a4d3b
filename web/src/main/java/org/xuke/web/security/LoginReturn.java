package org.xuke.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the sign-in page sends a user who was sent to it: back to the page he asked for, and with
 * a word that his session had ended when that is why he is here. Only pages of the portals are
 * returned to, never another address.
 */
public final class LoginReturn {

    /**
     * Where Jakarta Security's implementation (Soteria, in Payara, GlassFish and WildFly) keeps the
     * request it interrupted to ask for a sign-in; read by its {@code getFullRequestURL()}.
     */
    private static final String SAVED_REQUEST = "org.glassfish.soteria.original.request";

    /** A page of a portal with its query: nothing else is ever a place to go back to. */
    private static final Pattern PORTAL_PAGE = Pattern.compile(
            "/(enterprise|officer|account)/[A-Za-z0-9_/-]+\\.xhtml(\\?[A-Za-z0-9_=&%.-]{0,200})?");

    private LoginReturn() {
    }

    /**
     * Whether the interrupted request came with a session cookie of a session that no longer
     * exists (it timed out): the sign-in page then says so.
     */
    static boolean sessionEnded(HttpServletRequest request) {
        Object saved = savedRequest(request);
        if (saved == null) {
            return false;
        }
        try {
            Object cookies = saved.getClass().getMethod("getCookies").invoke(saved);
            if (cookies instanceof Cookie[] all) {
                for (Cookie cookie : all) {
                    if ("JSESSIONID".equals(cookie.getName())
                            && !request.getSession().getId().equals(cookie.getValue())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The portal page the interrupted request asked for, or null. */
    static String savedPage(HttpServletRequest request) {
        Object saved = savedRequest(request);
        if (saved == null) {
            return null;
        }
        try {
            URI url = URI.create(String.valueOf(saved.getClass().getMethod("getFullRequestURL").invoke(saved)));
            String path = url.getRawPath();
            String context = request.getContextPath();
            if (!path.startsWith(context)) {
                return null;
            }
            return safe(path.substring(context.length()) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Object savedRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getAttribute(SAVED_REQUEST);
    }

    /** {@code path} when it is a portal page, else null. */
    public static String safe(String path) {
        return path != null && PORTAL_PAGE.matcher(path).matches() ? path : null;
    }
}
