package org.xuke.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.platform.DomainRuleException;

/**
 * Test-only: calls the application boundary directly as the signed-in caller of the request, so
 * the integration tests can try what no page offers (a step in the wrong state, a step of
 * another role, another company's application). Mapped under both portals, so the portals'
 * security constraints and the e-key sign-in apply as to any page. Answers "OK state" or
 * "REFUSED key".
 */
@WebServlet(urlPatterns = {"/officer/it-probe", "/enterprise/it-probe"})
public class ServiceProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExportApplicationService applications;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = call(request);
        } catch (DomainRuleException e) {
            answer = "REFUSED " + e.key();
        } catch (jakarta.ejb.EJBException e) {
            answer = e.getCausedByException() instanceof DomainRuleException d ? "REFUSED " + d.key()
                    : "ERROR " + e.getMessage();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private String call(HttpServletRequest request) {
        long id = Long.parseLong(request.getParameter("id"));
        // without a version: the one the caller would see now
        long version = request.getParameter("version") != null ? Long.parseLong(request.getParameter("version"))
                : applications.viewForCaller(id).application().getVersion();
        String op = request.getParameter("op");
        var view = switch (op) {
            case "submit" -> applications.submit(id, version);
            case "withdraw" -> applications.withdraw(id, version);
            case "issue" -> applications.issue(id, version, null);
            case "copy" -> applications.copy(id);
            default -> applications.decide(id, version, ApplicationTransition.valueOf(op),
                    request.getParameter("opinion") != null ? request.getParameter("opinion") : "意见");
        };
        return "OK " + view.application().getState();
    }
}
