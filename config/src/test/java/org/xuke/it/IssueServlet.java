package org.xuke.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.xuke.application.ExportApplicationService;

/**
 * Test-only servlet (the deployment carries every IT class): 发证 of the approved applications
 * named in {@code ids}, each through the real boundary ({@link ExportApplicationService#issue}, its
 * own transaction: number, quota, seal, audit, outbox) as the signed-in officer of the request, without
 * rendering a decision page per licence. The customs benchmark and fault test issue thousands this way.
 * Answers one line per application: {@code id number} or {@code id ! reason}.
 */
@WebServlet("/it/issue")
public class IssueServlet extends HttpServlet {

    @Inject
    ExportApplicationService applications;

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        StringBuilder answer = new StringBuilder();
        for (long id : Arrays.stream(request.getParameter("ids").split(",")).mapToLong(Long::parseLong).toArray()) {
            try {
                applications.issue(id, version(id), null);
                answer.append(id).append(' ').append(number(id)).append('\n');
            } catch (RuntimeException | SQLException e) {
                answer.append(id).append(" ! ").append(e).append('\n');
            }
        }
        response.getWriter().write(answer.toString());
    }

    private long version(long id) throws SQLException {
        return Long.parseLong(one("select version from export_application where id = ?", id));
    }

    private String number(long id) throws SQLException {
        return one("select licence_number from licence where application_id = ?", id);
    }

    private String one(String sql, long id) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : "none";
            }
        }
    }
}
