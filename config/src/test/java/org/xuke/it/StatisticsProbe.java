package org.xuke.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.xuke.platform.DomainRuleException;
import org.xuke.statistics.StatisticsService;
import org.xuke.statistics.StatisticsService.MonthlyFilter;

/**
 * Test-only: 统计月报 through its boundary as the signed-in caller — the figures as text
 * ({@code month licences usd} per line, then {@code total …}) or, with {@code export}, the drill-down's
 * workbook — so the tests compare them with figures written down beside their data.
 */
@WebServlet(urlPatterns = {"/officer/it-stats", "/enterprise/it-stats"})
public class StatisticsProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private StatisticsService statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            MonthlyFilter filter = new MonthlyFilter(Integer.parseInt(request.getParameter("year")),
                    request.getParameter("authority"), request.getParameter("tradeMode"), request.getParameter("country"));
            Integer month = request.getParameter("month") == null ? null : Integer.valueOf(request.getParameter("month"));
            if (request.getParameter("export") != null) {
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                statistics.exportForCaller(filter, month, response.getOutputStream());
                return;
            }
            StringBuilder out = new StringBuilder();
            if (request.getParameter("drill") != null) {
                var page = statistics.licencesForCaller(filter, month, 0, 500);
                out.append("total ").append(page.total()).append('\n');
                page.rows().forEach(r -> out.append(r.number()).append(' ').append(r.usd()).append('\n'));
            } else {
                var monthly = statistics.monthlyForCaller(filter);
                monthly.months().forEach(m -> out.append(m.month()).append(' ').append(m.licences()).append(' ')
                        .append(m.usd().toPlainString()).append('\n'));
                out.append("total ").append(monthly.licences()).append(' ').append(monthly.usd().toPlainString());
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(out.toString());
        } catch (DomainRuleException e) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("REFUSED " + e.key());
        } catch (jakarta.ejb.EJBException e) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(e.getCausedByException() instanceof DomainRuleException d ? "REFUSED " + d.key()
                    : "ERROR " + e.getMessage());
        }
    }
}
