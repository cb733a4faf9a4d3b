package org.xuke.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;

/** Test-only servlet (added to the WAR by HttpsIT): tells which client certificate TLS delivered. */
@WebServlet("/it/client-certificate")
public class ClientCertificateEcho extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(chain == null || chain.length == 0 ? "none"
                : chain[0].getSubjectX500Principal().getName() + " | " + chain[0].getSerialNumber());
    }
}
