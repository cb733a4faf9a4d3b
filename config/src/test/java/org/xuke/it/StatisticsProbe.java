package org.xuke.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.xuke.platform.DomainRuleException;
import java.time.LocalDate;
import org.xuke.statistics.ReviewStage;
import org.xuke.statistics.GoodsStatisticsService;
import org.xuke.statistics.GoodsStatisticsService.DateBasis;
import org.xuke.statistics.GoodsStatisticsService.Goods;
import org.xuke.statistics.GoodsStatisticsService.GoodsFilter;
import org.xuke.statistics.GoodsStatisticsService.GoodsStatistic;
import org.xuke.statistics.GoodsStatisticsService.GroupKey;
import org.xuke.statistics.GoodsStatisticsService.Grouping;
import org.xuke.statistics.StatisticsService;
import org.xuke.statistics.WorkloadService;
import org.xuke.statistics.WorkloadService.WorkloadFilter;
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

    @Inject
    private GoodsStatisticsService goods;

    @Inject
    private WorkloadService workload;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getParameter("goods") != null) {
                goods(request, response);
                return;
            }
            if (request.getParameter("workload") != null) {
                workload(request, response);
                return;
            }
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

    /**
     * 综合统计 / the special goods: {@code code exporter country unit licences quantity usd unitPrice} per
     * row, then {@code total licences usd}; with {@code drill} the lines of row {@code row} (none: all);
     * with {@code export} their workbook.
     */
    private void goods(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GoodsFilter filter = new GoodsFilter(request.getParameter("basis") == null ? null
                : DateBasis.valueOf(request.getParameter("basis")), LocalDate.parse(request.getParameter("from")),
                LocalDate.parse(request.getParameter("to")), request.getParameter("kind") == null ? null
                        : Goods.valueOf(request.getParameter("kind")), request.getParameter("tradeMode"),
                request.getParameter("consignor"), request.getParameter("port"), request.getParameter("country"),
                request.getParameter("contract"), request.getParameter("grade"), request.getParameter("exporter"),
                request.getParameter("authority"));
        Grouping grouping = Grouping.valueOf(request.getParameter("grouping"));
        // a row by its key ({@code code}, {@code unit}) without counting the statistic first, or by its place
        GoodsStatistic statistic = request.getParameter("code") != null ? null : goods.statisticForCaller(filter, grouping);
        GroupKey key = request.getParameter("code") != null ? new GroupKey(grouping, request.getParameter("code"), null,
                null, request.getParameter("unit")) : request.getParameter("row") == null ? null
                : GroupKey.of(grouping, statistic.rows().get(Integer.parseInt(request.getParameter("row"))));
        if (request.getParameter("export") != null) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            goods.exportForCaller(filter, key, response.getOutputStream());
            return;
        }
        StringBuilder out = new StringBuilder();
        if (request.getParameter("drill") != null) {
            var page = goods.linesForCaller(filter, key, 0, 500);
            out.append("total ").append(page.total()).append('\n');
            page.rows().forEach(r -> out.append(r.number()).append(' ').append(r.lineNumber()).append(' ')
                    .append(r.quantity().stripTrailingZeros().toPlainString()).append(' ').append(r.usd()).append('\n'));
        } else {
            statistic.rows().forEach(r -> out.append(r.code()).append(' ').append(r.exporterCode()).append(' ')
                    .append(r.countryCode()).append(' ').append(r.unitCode()).append(' ').append(r.licences()).append(' ')
                    .append(r.quantity().stripTrailingZeros().toPlainString()).append(' ').append(r.usd()).append(' ')
                    .append(r.unitPrice()).append('\n'));
            out.append("total ").append(statistic.licences()).append(' ').append(statistic.usd().toPlainString());
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }

    /**
     * Officers' decisions: {@code month actor stage decisions inTime workingDays} per row, then
     * {@code stage month stage decisions inTime} and {@code month month decisions}; with {@code drill}
     * the decisions of {@code month} (0: the year), {@code actor}, {@code stage}, {@code late}.
     */
    private void workload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WorkloadFilter filter = new WorkloadFilter(Integer.parseInt(request.getParameter("year")),
                request.getParameter("authority"), null, null);
        StringBuilder out = new StringBuilder();
        if (request.getParameter("drill") != null) {
            var page = workload.decisionsForCaller(filter, Integer.parseInt(request.getParameter("month")),
                    request.getParameter("actor"), request.getParameter("stage") == null ? null
                            : ReviewStage.valueOf(request.getParameter("stage")), request.getParameter("late") != null, 0, 500);
            out.append("total ").append(page.total()).append('\n');
            page.rows().forEach(r -> out.append(r.applicationNumber()).append(' ').append(r.actor()).append(' ')
                    .append(r.stage()).append(' ').append(r.workingDays()).append(' ').append(r.inTime()).append('\n'));
        } else {
            var w = workload.workloadForCaller(filter);
            w.rows().forEach(r -> out.append(r.month()).append(' ').append(r.actor()).append(' ').append(r.stage())
                    .append(' ').append(r.decisions()).append(' ').append(r.inTime()).append(' ')
                    .append(r.workingDays()).append('\n'));
            w.byStage().forEach(r -> out.append("stage ").append(r.month()).append(' ').append(r.stage()).append(' ')
                    .append(r.decisions()).append(' ').append(r.inTime()).append('\n'));
            w.byMonth().forEach(r -> out.append("month ").append(r.month()).append(' ').append(r.decisions())
                    .append('\n'));
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }
}
