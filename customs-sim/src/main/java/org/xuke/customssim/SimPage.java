package org.xuke.customssim;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The simulator's one page: the licences customs stored and what is used of them, a form to
 * declare goods against a licence (核注 at release, then 核销 at clearance), a box to replay a day
 * of declarations as CSV (docs/CUSTOMS-MESSAGES.md), and the refusal rules. Each declaration
 * goes to the portal as a usage message with customs' cumulative figure.
 */
@WebServlet(urlPatterns = {"", "/index"})
public class SimPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private SimStore store;

    @Inject
    private Replies replies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(response, List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // a page of another site must not declare goods here in a visitor's browser: browsers say where a
        // form came from (Sec-Fetch-Site, Origin); another site's is refused (scripts and tests send neither)
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null ? !site.equals("same-origin") && !site.equals("none")
                : origin != null && !origin.equalsIgnoreCase(request.getScheme() + "://" + request.getServerName() + ":"
                        + request.getServerPort())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("只接受海关模拟器本页提交的表单。Only forms of this page are accepted.");
            return;
        }
        request.setCharacterEncoding("UTF-8");
        List<String> said = new ArrayList<>();
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "rules" -> {
                    Set<String> ports = Arrays.stream(String.valueOf(request.getParameter("rejectPorts")).split("[,，\\s]+"))
                            .map(String::strip).filter(p -> p.matches("\\d{4}")).collect(Collectors.toCollection(TreeSet::new));
                    store.rejectPorts(ports);
                    said.add("已保存：拒收口岸 " + (ports.isEmpty() ? "（无）" : String.join(", ", ports)));
                }
                case "declare" -> said.add(declare(request.getParameter("licence"), request.getParameter("line"),
                        request.getParameter("quantity"), request.getParameter("state"),
                        request.getParameter("declaration"), request.getParameter("date"),
                        request.getParameter("declarant")));
                case "csv" -> {
                    int row = 0;
                    for (String line : String.valueOf(request.getParameter("csv")).split("\\R")) {
                        row++;
                        String[] f = line.split(",", -1);
                        if (line.isBlank() || f[0].strip().equals("declaration_number")) {
                            continue;
                        }
                        if (f.length != 6) {
                            said.add("第 " + row + " 行：应为 6 列");
                            continue;
                        }
                        said.add("第 " + row + " 行：" + declare(f[1], f[2], f[3], f[4], f[0], f[5], null));
                    }
                }
                default -> said.add("未知操作");
            }
        } catch (SQLException e) {
            said.add("数据库错误：" + e.getMessage());
        }
        page(response, said);
    }

    /** One declaration line; what happened, in words. */
    private String declare(String licence, String line, String quantity, String state, String declaration,
            String date, String declarant) throws SQLException {
        try {
            String number = licence == null ? "" : licence.strip().toUpperCase();
            String kind = "CLEARED".equalsIgnoreCase(state == null ? "" : state.strip()) ? "CLEARED" : "RELEASED";
            LocalDate day = date == null || date.isBlank() ? LocalDate.now(CHINA) : LocalDate.parse(date.strip());
            String declared = declaration == null || declaration.isBlank() ? newDeclarationNumber(day)
                    : declaration.strip();
            if (!declared.matches("\\d{18}")) {
                return "报关单号应为 18 位数字：" + declared;
            }
            String by = declarant == null || declarant.isBlank() ? null : declarant.strip().toUpperCase();
            if (by != null && !by.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                return "报关企业应为 18 位统一社会信用代码：" + by;
            }
            BigDecimal amount = quantity == null || quantity.isBlank() ? BigDecimal.ZERO : new BigDecimal(quantity.strip());
            SimStore.Declared done = store.declare(number, Integer.parseInt(line == null || line.isBlank() ? "1"
                    : line.strip()), amount, kind, declared, day);
            replies.usage(SimXml.usage(UUID.randomUUID().toString(), done.deployment(), done.declaration(),
                    done.number(), done.port(), done.date(), done.state(), done.line(), done.quantity(),
                    done.cumulative(), by == null ? done.holderUscc() : by));
            return ("CLEARED".equals(kind) ? "已核销" : "已核注") + " 报关单 " + done.declaration() + "，许可证 "
                    + done.number() + " 第 " + done.line() + " 项 " + done.quantity().stripTrailingZeros().toPlainString()
                    + "，累计 " + done.cumulative().stripTrailingZeros().toPlainString();
        } catch (Refused e) {
            return "拒绝：" + e.getMessage();
        } catch (NumberFormatException | DateTimeParseException e) {
            return "数量、项号或日期格式不对";
        }
    }

    private static String newDeclarationNumber(LocalDate day) {
        return String.format("%04d%04d%d%09d", 9999, day.getYear(), 1, ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private void page(HttpServletResponse response, List<String> said) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // no script on this page at all; its one style sheet is inline
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>海关模拟器</title>"
                + "<style>body{font-family:sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:.3rem .6rem}label{display:inline-block;margin:.3rem 1rem .3rem 0}"
                + ".said{background:#eef;padding:.5rem}</style></head><body>");
        out.println("<h1>海关模拟器</h1><p>供演示与测试：它只通过 JMS 队列与许可证系统往来（接收电子许可证、回执、报关使用情况），不是海关系统。</p>");
        for (String s : said) {
            out.println("<p class=\"said\" role=\"status\">" + escape(s) + "</p>");
        }
        out.println("<h2>报关（核注 / 核销）</h2><form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"declare\">"
                + "<label>许可证号 <input name=\"licence\" id=\"licence\" size=\"10\" required></label>"
                + "<label>商品项号 <input name=\"line\" id=\"line\" value=\"1\" size=\"2\"></label>"
                + "<label>数量 <input name=\"quantity\" id=\"quantity\" size=\"10\"></label>"
                + "<label>环节 <select name=\"state\" id=\"state\"><option value=\"RELEASED\">核注（放行）</option>"
                + "<option value=\"CLEARED\">核销（结关）</option></select></label>"
                + "<label>报关单号 <input name=\"declaration\" id=\"declaration\" size=\"18\" placeholder=\"留空自动生成\"></label>"
                + "<label>申报日期 <input name=\"date\" type=\"date\"></label>"
                + "<label>报关企业 <input name=\"declarant\" id=\"declarant\" size=\"18\" placeholder=\"留空为持证企业\"></label>"
                + "<button id=\"declare\">申报</button></form>");
        out.println("<h2>回放报关数据（CSV）</h2><form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"csv\">"
                + "<p>每行：declaration_number,licence_number,line,quantity,state(RELEASED|CLEARED),date(YYYY-MM-DD)</p>"
                + "<textarea name=\"csv\" rows=\"5\" cols=\"90\"></textarea><br><button id=\"replay\">回放</button></form>");
        try {
            out.println("<h2>拒收规则</h2><form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"rules\">"
                    + "<label>拒收口岸（逗号分隔）<input name=\"rejectPorts\" id=\"rejectPorts\" value=\""
                    + escape(String.join(",", store.rejectedPorts())) + "\"></label><button id=\"saveRules\">保存</button></form>");
            out.println("<h2>已入库的电子许可证</h2><table><thead><tr><th>许可证号</th><th>版本</th><th>口岸</th><th>状态</th>"
                    + "<th>报关次数</th><th>商品项：许可数量 / 已用</th></tr></thead><tbody>");
            for (SimStore.StoredLicence l : store.licences()) {
                out.println("<tr><td>" + escape(l.number()) + "</td><td>" + l.version() + "</td><td>" + escape(l.port())
                        + "</td><td>" + escape(l.status()) + "</td><td>" + l.uses() + " / " + l.usesAllowed() + "</td><td>"
                        + l.lines().stream().map(x -> x[0] + "：" + x[1] + " / " + x[2]).collect(Collectors.joining("；"))
                        + "</td></tr>");
            }
            out.println("</tbody></table>");
        } catch (SQLException e) {
            out.println("<p>数据库错误：" + escape(e.getMessage()) + "</p>");
        }
        out.println("</body></html>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
