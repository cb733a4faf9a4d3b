package org.xuke.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 继续工作: the page's session warning calls this to keep a signed-in session alive while its
 * user is still filling a form (looking the session up is what renews it). 204 when there is a
 * signed-in session, 401 when it has already ended.
 */
@WebServlet("/keepalive")
public class KeepAliveServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        response.setStatus(session != null && request.getUserPrincipal() != null
                ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_UNAUTHORIZED);
    }
}
