package org.xuke.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A request whose parameters carry a NUL byte is refused with 400 and a message before anything
 * reads it: no text a person types holds one, and PostgreSQL refuses it in a query (it once
 * surfaced as HTTP 500). Uploads are multipart bodies and are checked by their own pages.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ParameterGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasNul(parameter.getKey()) || parameter.getValue() != null
                        && Arrays.stream(parameter.getValue()).anyMatch(ParameterGuard::hasNul)) {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().write("请求参数含有不允许的字符（NUL）。The request has a NUL character in a parameter.");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
