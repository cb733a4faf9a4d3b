package org.xuke.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.notification.NoticeWatch;
import org.xuke.notification.NotificationService;
import org.xuke.platform.DomainRuleException;

/**
 * Test-only: the message centre's boundary as the signed-in caller (mark read, the unread count),
 * and a decision taken in a transaction that is then rolled back (what a failure after the decision
 * does), to show that it leaves no notice and sends nothing. Answers "OK …" or "REFUSED key".
 */
@WebServlet(urlPatterns = {"/officer/it-notice", "/enterprise/it-notice"})
public class NoticeProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationService notices;

    @Inject
    private ExportApplicationService applications;

    @Inject
    private NoticeWatch watch;

    @Resource
    private UserTransaction transaction;

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
        } catch (Exception e) {
            answer = "ERROR " + e;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private String call(HttpServletRequest request) throws Exception {
        return switch (request.getParameter("op")) {
            case "watch" -> {
                NoticeWatch.Watched done = watch.watch(java.time.LocalDate.parse(request.getParameter("date")));
                yield "OK " + done.expiring() + " " + done.due() + " " + done.removed();
            }
            case "count" -> "OK " + notices.unreadCountForCaller();
            case "read" -> "OK " + notices.markRead(Long.parseLong(request.getParameter("id"))).isRead();
            case "decideThenRollBack" -> {
                long id = Long.parseLong(request.getParameter("id"));
                transaction.begin();
                try {
                    var view = applications.decide(id, applications.viewForCaller(id).application().getVersion(),
                            ApplicationTransition.valueOf(request.getParameter("step")), "意见");
                    yield "OK " + view.application().getState() + " rolled back";
                } finally {
                    transaction.rollback();
                }
            }
            default -> throw new IllegalArgumentException(request.getParameter("op"));
        };
    }
}
