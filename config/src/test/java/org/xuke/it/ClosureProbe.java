package org.xuke.it;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuke.closure.ClosureKind;
import org.xuke.closure.ClosureService;
import org.xuke.closure.ClosureService.View;
import org.xuke.licence.LicencePrinting;
import org.xuke.platform.DomainRuleException;

/**
 * Test-only: calls the deletion / write-off boundary directly as the signed-in caller of the request,
 * so the integration tests try every refusal without a page per case (the pages are tried too).
 * Mapped under both portals, so their security constraints and the e-key sign-in apply. Answers
 * {@code OK state id version} or {@code REFUSED key}.
 */
@WebServlet(urlPatterns = {"/officer/it-closure", "/enterprise/it-closure"})
public class ClosureProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClosureService closures;

    @Inject
    private LicencePrinting printing;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = call(request);
        } catch (DomainRuleException e) {
            answer = "REFUSED " + e.key();
        } catch (EJBException e) {
            answer = e.getCausedByException() instanceof DomainRuleException d ? "REFUSED " + d.key()
                    : "ERROR " + e.getMessage();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private String call(HttpServletRequest request) {
        String op = request.getParameter("op");
        ClosureKind kind = request.getParameter("kind") == null ? ClosureKind.DELETION
                : ClosureKind.valueOf(request.getParameter("kind"));
        Long id = request.getParameter("id") == null ? null : Long.valueOf(request.getParameter("id"));
        if (op.equals("read")) {
            return "OK " + closures.read(kind, request.getParameter("number")).standing();
        }
        if (op.equals("print")) {
            return "OK " + printing.recordPaperCopies(List.of(request.getParameter("number"))).size();
        }
        long version = request.getParameter("version") != null ? Long.parseLong(request.getParameter("version"))
                : id == null ? 0 : closures.viewForCaller(id).request().getVersion();
        View view = switch (op) {
            case "save" -> closures.save(id, version, kind, request.getParameter("number"),
                    request.getParameter("reason"), quantities(request));
            case "submit" -> closures.submit(id, version);
            case "approve" -> closures.decide(id, version, true, request.getParameter("opinion"));
            case "return" -> closures.decide(id, version, false, request.getParameter("opinion"));
            case "view" -> closures.viewForCaller(id);
            case "delete" -> {
                closures.delete(id, version);
                yield null;
            }
            default -> throw new IllegalArgumentException(op);
        };
        return view == null ? "OK DELETED" : "OK " + view.request().getState() + " " + view.request().getId() + " "
                + view.request().getVersion();
    }

    /** {@code q1=30&q2=5}: the quantity stated per licence line. */
    private static Map<Integer, BigDecimal> quantities(HttpServletRequest request) {
        Map<Integer, BigDecimal> by = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("q\\d+")) {
                by.put(Integer.valueOf(name.substring(1)), new BigDecimal(values[0]));
            }
        });
        return by;
    }
}
