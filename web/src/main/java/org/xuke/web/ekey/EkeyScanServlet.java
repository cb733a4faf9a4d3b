package org.xuke.web.ekey;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyScan;
import org.xuke.identity.ekey.ScanKind;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Downloads;

/**
 * Serves one uploaded scan to the officer checking it (under /officer/*, so signed in). Always as
 * a download with its checked type and nosniff, so an uploaded file never runs in the portal.
 */
@WebServlet("/officer/ekey-scan")
public class EkeyScanServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private EkeyRequestService service;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EkeyScan scan;
        try {
            scan = service.scanForCaller(Long.parseLong(request.getParameter("request")),
                    ScanKind.valueOf(request.getParameter("kind")));
        } catch (IllegalArgumentException | NullPointerException | DomainRuleException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Downloads.uploaded(response, scan.content(), scan.getContentType(), scan.getFileName());
    }
}
