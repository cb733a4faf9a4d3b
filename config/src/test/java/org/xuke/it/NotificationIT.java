package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.account.AccountService;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.launcher.MailServer;
import org.xuke.launcher.Stack;
import org.xuke.notification.NoticeWatch;
import org.xuke.platform.Zones;

/**
 * Notifications on the real stack (issue 18). An export application of company A goes through
 * every step; each step's notice reaches exactly the users who may read the application (A's
 * filer and its 本公司 user, not its 本人 and 本部门 users who did not file it, not company B; the
 * officers of Anhui who hold the next step's role, not the one who acted, not Fujian's), once.
 * E-mail through the embedded SMTP server (GreenMail, read back over IMAP): once per subscribed
 * notice, nothing for a decision rolled back, and what was decided while the mail server was down
 * arrives once it is back. SMS in the providers' HTTP form to a local endpoint. The daily watch
 * (deadlines, licences ending, 180 days kept), the message centre's pages and scope.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationIT {

    private static final String PASSWORD = "Xk-2026-notice-18";
    private static final String USCC = ListPagesBenchmark.uscc(1818);
    private static final String OTHER_USCC = ListPagesBenchmark.uscc(1819);
    private static final String PROBE = PortalClient.HTTPS + "/officer/it-probe?";
    private static final String ENTERPRISE_PROBE = PortalClient.HTTPS + "/enterprise/it-probe?";
    private static final String SETTINGS = PortalClient.HTTPS + "/enterprise/notification-settings.xhtml";
    private static final String OFFICER_SETTINGS = PortalClient.HTTPS + "/officer/notification-settings.xhtml";
    private static final String CENTRE = PortalClient.HTTPS + "/enterprise/notifications.xhtml";
    private static final String MAIL_A = "tzqa@example.com";
    private static final String MAIL_CS = "tzcs@example.com";
    private static final String MOBILE_CS = "13800000018";
    /** The applications of the class, by what they are used for. */
    private static long issued;
    private static long rolledBack;
    private static long outage;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(NotificationIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(NotificationIT.class);
    }

    @People
    void companiesAndOfficers() throws Exception {
        long a = enterprises.register("IT", USCC, "PROV-ANHUI", new EnterpriseDetails(
                "安徽消息通知测试进出口公司", "3401020000181", "合肥", "联系人", "0551-1", null)).getId();
        long b = enterprises.register("IT", OTHER_USCC, "PROV-ANHUI", new EnterpriseDetails(
                "安徽另一家进出口公司", "3401020000182", "合肥", "联系人", "0551-2", null)).getId();
        // three e-keys at most per company: the users who never sign in here have none
        Fixtures.enterpriseUser(accounts, certificates, a, "TZQA", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, a, "TZQB", PASSWORD, DataScope.SELF, null, false);
        Fixtures.enterpriseUser(accounts, certificates, a, "TZQD", PASSWORD, DataScope.DEPARTMENT, "一部", false);
        Fixtures.enterpriseUser(accounts, certificates, a, "TZQE", PASSWORD, DataScope.COMPANY, "二部", false);
        Fixtures.enterpriseUser(accounts, certificates, b, "TZQC", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-ANHUI", "TZCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-ANHUI", "TZCT", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-ANHUI", "TZFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-ANHUI", "TZFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-ANHUI", "TZJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-FUJIAN", "TZFJ", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
    }

    @Test
    @Order(1)
    @RunAsClient
    void usersSubscribeOnTheSettingsPageAndAWrongAddressIsRefusedKeepingTheInput() throws Exception {
        PortalClient holder = Fixtures.signedIn("TZQA", PASSWORD);
        holder.get(SETTINGS);
        String refused = holder.submit(SETTINGS, "settings", Map.of("settings:email", "tzqa@", "settings:save", ""))
                .body();
        assertTrue(refused.contains("电子邮箱“tzqa@”格式不正确"), "a malformed address is refused in Chinese");
        assertTrue(refused.contains("value=\"tzqa@\""), "what was typed stays");
        holder.get(SETTINGS);
        String noAddress = holder.submit(SETTINGS, "settings", Map.of("settings:kinds:0:byEmail_input", "on",
                "settings:save", "")).body();
        assertTrue(noAddress.contains("订阅邮件通知前请填写电子邮箱"), "e-mail needs an address");
        holder.get(SETTINGS);
        Map<String, String> every = new HashMap<>(Map.of("settings:email", MAIL_A, "settings:save", ""));
        for (int i = 0; i < 12; i++) {
            every.put("settings:kinds:" + i + ":byEmail_input", "on");
        }
        String saved = holder.submit(SETTINGS, "settings", every).body();
        assertTrue(saved.contains("消息设置已保存"), saved);
        assertEquals(12, CustomsLoad.count("select count(*) from notification_subscription s join account a on"
                + " a.id = s.account_id where a.username = 'TZQA' and s.channel = 'EMAIL'"), "every enterprise kind");
        assertTrue(holder.get(SETTINGS).body().contains("value=\"" + MAIL_A + "\""), "shown again");

        PortalClient reviewer = Fixtures.signedIn("TZCS", PASSWORD);
        String page = reviewer.get(OFFICER_SETTINGS).body();
        assertTrue(page.contains("新的待办事项") && !page.contains("申请通过初审"), "an officer's kinds only");
        String bad = reviewer.submit(OFFICER_SETTINGS, "settings", Map.of("settings:mobile", "12345",
                "settings:save", "")).body();
        assertTrue(bad.contains("手机号码“12345”格式不正确"), "a wrong mobile number is refused");
        reviewer.get(OFFICER_SETTINGS);
        assertTrue(reviewer.submit(OFFICER_SETTINGS, "settings", Map.of("settings:email", MAIL_CS, "settings:mobile",
                MOBILE_CS, "settings:kinds:0:byEmail_input", "on", "settings:kinds:0:bySms_input", "on",
                "settings:save", "")).body().contains("消息设置已保存"));
        assertEquals(List.of("WORK_NEW:EMAIL", "WORK_NEW:SMS"), CustomsLoad.column("select s.kind || ':' || s.channel"
                + " from notification_subscription s join account a on a.id = s.account_id where a.username = 'TZCS'"
                + " order by 1"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void eachStepOfAnApplicationTellsExactlyThoseInScopeOnceAndMailsTheSubscribers() throws Exception {
        Fixtures.licenceNumberCode("TZJG", PASSWORD, "AH");
        List<String> sms = new CopyOnWriteArrayList<>();
        HttpServer provider = smsProvider(sms);
        try {
            issued = submitted("HT-2026-TZ1");
            assertEquals(List.of("TZCS", "TZCT"), recipients("WORK_NEW", issued),
                    "the initial reviewers of Anhui, not Fujian's, not the second reviewer");
            await(() -> sms.size() == 1, "the SMS to the subscribed reviewer");
            Map<String, String> form = form(sms.get(0));
            assertEquals(MOBILE_CS, form.get("mobile"));
            assertTrue(form.get("content").startsWith("【许可】待办：") && form.get("content").contains("待初审"),
                    form.get("content"));
            assertTrue(form.containsKey("account") && form.containsKey("password"), "the providers' form");

            decide("TZCS", issued, "PASS_INITIAL_REVIEW");
            assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_PASSED", issued),
                    "its filer and the company-wide user, not the 本人 / 本部门 users, not company B");
            assertEquals(List.of("TZCS", "TZCT", "TZFS"), recipients("WORK_NEW", issued),
                    "the second reviewer now; the initial reviewers had theirs already (once)");
            decide("TZFS", issued, "PASS_SECOND_REVIEW");
            assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_APPROVED", issued));
            decide("TZFZ", issued, "issue");
            assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_ISSUED", issued));
            String number = CustomsLoad.query("select licence_number from licence where application_id = ?", issued);
            long licence = Long.parseLong(CustomsLoad.query("select id from licence where application_id = ?", issued));
            await(() -> count("CUSTOMS_ACCEPTED", licence) == 2, "customs' receipt told to the holder's users");
            assertEquals(List.of("TZQA", "TZQE"), recipients("CUSTOMS_ACCEPTED", licence));

            String label = CustomsLoad.query("select application_number from export_application where id = ?", issued);
            List<String> expected = List.of("【许可】申请 " + label + " 已通过初审，等待复审",
                    "【许可】申请 " + label + " 已通过复审，等待发证", "【许可】申请 " + label + " 已发证",
                    "【许可】许可证 " + number + " 海关入库成功");
            await(() -> subjects(MAIL_A).containsAll(expected), "the holder's four e-mails");
            assertEquals(expected.stream().sorted().toList(), subjects(MAIL_A).stream()
                    .filter(expected::contains).sorted().toList(), "each once");
            assertTrue(imapSubjects(MAIL_A).containsAll(expected), "readable over IMAP as the run command says");
            MimeMessage first = mails(MAIL_A).get(0);
            String body = first.getContent().toString();
            assertTrue(body.contains("TZQA，您好") && body.contains("https://127.0.0.1:8181/enterprise/"), body);
            assertTrue(subjects("tzqe@example.com").isEmpty(), "no address, no subscription: no mail");
            assertEquals(1, sms.size(), "no SMS for kinds not subscribed");
        } finally {
            provider.stop(0);
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void returnsWithdrawalsAndRejectionsAreToldWithTheOpinion() throws Exception {
        long id = submitted("HT-2026-TZ2");
        decide("TZCT", id, "RETURN");
        assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_RETURNED", id));
        String text = CustomsLoad.query("select detail from notification n join account a on a.id = n.account_id"
                + " where a.username = 'TZQA' and n.kind = 'APPLICATION_RETURNED' and n.record_id = ?", id);
        assertEquals("意见", text, "the officer's opinion goes with it");
        enterprise("submit", id);
        enterprise("withdraw", id);
        assertEquals(6, count("WORK_NEW", id), "the initial reviewers told of each step that is theirs:"
                + " submitted, submitted again, a withdrawal asked");
        decide("TZCS", id, "REFUSE_WITHDRAWAL");
        assertEquals(List.of("TZQA", "TZQE"), recipients("WITHDRAWAL_DECIDED", id));
        decide("TZCS", id, "PASS_INITIAL_REVIEW");
        decide("TZFS", id, "REJECT");
        assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_REJECTED", id));
        await(() -> subjects(MAIL_A).stream().anyMatch(s -> s.contains("复审不通过：意见")), "the rejection by mail");
    }

    @Test
    @Order(4)
    @RunAsClient
    void aDecisionRolledBackLeavesNoNoticeAndSendsNothing() throws Exception {
        rolledBack = submitted("HT-2026-TZ3");
        PortalClient reviewer = Fixtures.signedIn("TZCS", PASSWORD);
        String answer = reviewer.get(PortalClient.HTTPS + "/officer/it-notice?op=decideThenRollBack&step="
                + "PASS_INITIAL_REVIEW&id=" + rolledBack).body();
        assertEquals("OK PENDING_SECOND_REVIEW rolled back", answer);
        assertEquals("PENDING_INITIAL_REVIEW", CustomsLoad.query("select state from export_application where id = ?",
                rolledBack));
        assertEquals(0, count("APPLICATION_PASSED", rolledBack), "no notice for a decision that did not happen");
        assertEquals(0, CustomsLoad.count("select count(*) from notification_delivery d join notification n on"
                + " n.id = d.notification_id where n.record_id = ? and n.kind = 'APPLICATION_PASSED'", rolledBack));
        String label = CustomsLoad.query("select application_number from export_application where id = ?", rolledBack);
        Thread.sleep(2_000);
        assertFalse(subjects(MAIL_A).stream().anyMatch(s -> s.contains(label)), "and no mail");
    }

    @Test
    @Order(5)
    @RunAsClient
    void whatWasDecidedWhileTheMailServerWasDownArrivesOnceItIsBack() throws Exception {
        outage = submitted("HT-2026-TZ4");
        String label = CustomsLoad.query("select application_number from export_application where id = ?", outage);
        String subject = "【许可】申请 " + label + " 已通过初审，等待复审";
        MailServer mail = StackSessionListener.stack().mail();
        mail.stop();
        try {
            decide("TZCS", outage, "PASS_INITIAL_REVIEW");
            assertEquals(List.of("TZQA", "TZQE"), recipients("APPLICATION_PASSED", outage), "the notice is there");
            await(() -> attempts(outage) >= 1, "the sender tried");
            assertEquals("", CustomsLoad.query("select coalesce(max(d.sent_at_utc)::text, '') from notification_delivery"
                    + " d join notification n on n.id = d.notification_id where n.record_id = ? and n.kind ="
                    + " 'APPLICATION_PASSED'", outage), "not sent while the server is down");
            assertTrue(CustomsLoad.query("select d.last_error from notification_delivery d join notification n on"
                    + " n.id = d.notification_id where n.record_id = ? and n.kind = 'APPLICATION_PASSED'", outage)
                    .contains("Exception"), "with the reason");
        } finally {
            mail.start();
        }
        await(() -> subjects(MAIL_A).contains(subject), "sent once the server is back");
        // marked sent once the server took it: no sweep sends it again (it picks unsent rows only)
        await(() -> sentDeliveries(outage) == 1, "the delivery marked sent");
        assertEquals(1, subjects(MAIL_A).stream().filter(subject::equals).count(), "once");
        assertTrue(attempts(outage) >= 2, "it failed first, then went");
    }

    @Test
    @Order(6)
    @RunAsClient
    void theMessageCentreListsMarksReadAndKeepsToItsOwner() throws Exception {
        PortalClient holder = Fixtures.signedIn("TZQA", PASSWORD);
        long unread = Long.parseLong(holder.get(PortalClient.HTTPS + "/enterprise/it-notice?op=count").body()
                .substring(3));
        assertEquals(CustomsLoad.count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.username = 'TZQA' and n.read_at_utc is null"), unread);
        String page = holder.get(CENTRE).body();
        assertTrue(page.contains("id=\"notice-count\">" + unread + "<"), "the header's count: "
                + PortalClient.find(page, "(?s)(<header.*?</header>)"));
        String label = CustomsLoad.query("select application_number from export_application where id = ?", issued);
        assertTrue(page.contains("申请 " + label + " 已发证"), "the notices' text");
        String unreadOnly = holder.search(CENTRE, "notices", Map.of("notices:show", "UNREAD", "notices:kind",
                "APPLICATION_ISSUED"));
        assertEquals(1, PortalClient.findAll(unreadOnly, "(notice-unread)").size(), "unread, of that kind: one");
        assertTrue(unreadOnly.contains("申请 " + label + " 已发证") && !unreadOnly.contains("已通过初审"));

        long other = Long.parseLong(CustomsLoad.query("select n.id from notification n join account a on a.id ="
                + " n.account_id where a.username = 'TZQE' order by n.id limit 1"));
        assertEquals("REFUSED notice.notFound", holder.get(PortalClient.HTTPS + "/enterprise/it-notice?op=read&id="
                + other).body(), "another user's notice is not found");
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where actor = 'TZQA' and action ="
                + " 'ACCESS_DENIED' and subject_type = 'notification'"), "and the attempt is audited");
        long own = Long.parseLong(CustomsLoad.query("select n.id from notification n join account a on a.id ="
                + " n.account_id where a.username = 'TZQA' and n.read_at_utc is null order by n.id limit 1"));
        assertEquals("OK true", holder.get(PortalClient.HTTPS + "/enterprise/it-notice?op=read&id=" + own).body());
        assertEquals("OK " + (unread - 1), holder.get(PortalClient.HTTPS + "/enterprise/it-notice?op=count").body());

        holder.get(CENTRE);
        String all = holder.submit(CENTRE, "notices", Map.of("notices:allRead", "")).body();
        assertTrue(all.contains("已将 " + (unread - 1) + " 条消息标为已读"), all);
        assertTrue(all.contains("id=\"notice-count\">0<"));
        assertEquals(0, CustomsLoad.count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.username = 'TZQA' and n.read_at_utc is null"));
        assertTrue(CustomsLoad.count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.username = 'TZQE' and n.read_at_utc is null") > 0, "another user's stay unread");
    }

    /** The daily watch as of days to come (the timer's own method, called through the probe). */
    @Test
    @Order(7)
    @RunAsClient
    void theDailyWatchTellsDeadlinesAndEndingLicencesOnceAndForgetsAfter180Days() throws Exception {
        LocalDate today = LocalDate.now(Zones.CHINA);
        LocalDate end = LocalDate.parse(CustomsLoad.query("select validity_end::text from licence where"
                + " application_id = ?", issued));
        long licence = Long.parseLong(CustomsLoad.query("select id from licence where application_id = ?", issued));
        watch(end.minusDays(40));
        assertEquals(0, count("LICENCE_EXPIRING", licence), "not yet");
        watch(end.minusDays(30));
        watch(end.minusDays(29));
        assertEquals(List.of("TZQA", "TZQE"), recipients("LICENCE_EXPIRING", licence), "30 days ahead, once");

        // the application of the outage waits for its second review: past its limit in two weeks
        watch(today.plusDays(14));
        assertEquals(List.of("TZFS"), recipients("WORK_DUE", outage), "the second reviewer of Anhui");
        assertTrue(CustomsLoad.query("select detail from notification where kind = 'WORK_DUE' and record_id = ?",
                outage).startsWith("OVERDUE\tPENDING_SECOND_REVIEW\t"));
        assertEquals(List.of("TZCS", "TZCT"), recipients("WORK_DUE", rolledBack), "the initial reviewers");
        watch(today.plusDays(14));
        watch(today.plusDays(15));
        assertEquals(List.of("TZFS"), recipients("WORK_DUE", outage), "once, however often it runs");

        assertTrue(count("APPLICATION_PASSED", issued) > 0);
        String later = watch(today.plusDays(NoticeWatch.KEPT_DAYS + 1));
        assertFalse(later.endsWith(" 0"), later);
        assertEquals(0, count("APPLICATION_PASSED", issued), "kept 180 days");
    }

    /** 只看超期 on the officer queue: only what is past its working-day limit today. */
    @Test
    @Order(8)
    @RunAsClient
    void theOfficerQueueListsOnlyWhatIsOverdueWhenAsked() throws Exception {
        String late = CustomsLoad.query("select application_number from export_application where id = ?", outage);
        String fresh = CustomsLoad.query("select application_number from export_application where id = ?", rolledBack);
        String queue = PortalClient.HTTPS + "/officer/applications.xhtml?stage=";
        PortalClient second = Fixtures.signedIn("TZFS", PASSWORD);
        assertTrue(second.get(queue + "SECOND").body().contains(late), "in the second review's queue");
        assertFalse(second.get(queue + "SECOND&overdue=true").body().contains(late), "submitted today: not late");
        try (var c = CustomsLoad.database(); var s = c.prepareStatement("update export_application set"
                + " submitted_at_utc = submitted_at_utc - interval '10 days' where id = ?")) {
            s.setLong(1, outage);
            s.executeUpdate();
        }
        String overdue = second.get(queue + "SECOND&overdue=true").body();
        assertTrue(overdue.contains(late), "ten days ago: past three working days");
        assertTrue(overdue.contains("checked=\"checked\""), "the box shows the filter");
        PortalClient initial = Fixtures.signedIn("TZCS", PASSWORD);
        assertTrue(initial.get(queue + "INITIAL").body().contains(fresh));
        assertFalse(initial.get(queue + "INITIAL&overdue=true").body().contains(fresh), "on time");
    }

    private static String watch(LocalDate day) throws Exception {
        String answer = Fixtures.signedIn("TZJG", PASSWORD).get(PortalClient.HTTPS + "/officer/it-notice?op=watch&date="
                + day).body();
        assertTrue(answer.startsWith("OK"), answer);
        return answer;
    }

    // ---- helpers ----

    /** A new application of TZQA's, submitted (client side). */
    private static long submitted(String contract) throws Exception {
        long id = ExportApplicationIT.newApplication(Fixtures.signedIn("TZQA", PASSWORD), "8112921000", "10", contract);
        enterprise("submit", id);
        return id;
    }

    private static void enterprise(String op, long id) throws Exception {
        String answer = Fixtures.signedIn("TZQA", PASSWORD).get(ENTERPRISE_PROBE + "op=" + op + "&id=" + id).body();
        assertTrue(answer.startsWith("OK"), op + ": " + answer);
    }

    private static void decide(String officer, long id, String op) throws Exception {
        String answer = Fixtures.signedIn(officer, PASSWORD).get(PROBE + "op=" + op + "&id=" + id).body();
        assertTrue(answer.startsWith("OK"), op + ": " + answer);
    }

    /** Who got a notice of {@code kind} about record {@code id}, one entry per notice, sorted. */
    private static List<String> recipients(String kind, long id) throws Exception {
        return CustomsLoad.column("select a.username from notification n join account a on a.id = n.account_id"
                + " where n.kind = ? and n.record_id = ? order by a.username", kind, id);
    }

    private static long count(String kind, long id) {
        try {
            return CustomsLoad.count("select count(*) from notification where kind = ? and record_id = ?", kind, id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long attempts(long id) {
        try {
            return CustomsLoad.count("select coalesce(max(d.attempts), 0) from notification_delivery d join"
                    + " notification n on n.id = d.notification_id where n.record_id = ? and n.kind ="
                    + " 'APPLICATION_PASSED'", id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sentDeliveries(long id) {
        try {
            return CustomsLoad.count("select count(*) from notification_delivery d join notification n on"
                    + " n.id = d.notification_id where n.record_id = ? and n.kind = 'APPLICATION_PASSED'"
                    + " and d.sent_at_utc is not null", id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mails(String to) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : StackSessionListener.stack().mail().received()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static List<String> subjects(String to) {
        return mails(to).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The subjects in {@code to}'s inbox, read as a mail client would (IMAP, the address as user and password). */
    private static List<String> imapSubjects(String to) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MailServer.IMAP_PORT, to, to);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    /** A stand-in for an SMS provider's HTTP interface: keeps each form posted, answers code 0. */
    private static HttpServer smsProvider(List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 3991), 0);
        server.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"code\":\"0\",\"msg\":\"提交成功\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        assertEquals(Stack.TEST_SMS_URL, "http://127.0.0.1:3991/sms");
        return server;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 90 s: " + what);
    }
}
