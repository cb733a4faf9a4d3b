package org.xuke.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xuke.account.Account;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.calendar.WorkingDays;

/** The words of every notice, the outbox's pauses, and who of an enterprise sees a record. */
class NoticeRulesTest {

    private static final List<Locale> LOCALES = List.of(NoticeTexts.CHINESE, Locale.ENGLISH);

    @Test
    void everyKindAndVariantHasItsWordsInChineseAndEnglishWithNothingLeftOpen() {
        List<List<String>> cases = List.of(
                List.of(), List.of("意见"), List.of("AGREE_WITHDRAWAL", ""), List.of("REFUSE_WITHDRAWAL", "不同意"),
                List.of("APPROVED", "DELETION", ""), List.of("RETURNED", "WRITE_OFF", "数量不符"),
                List.of("PASS_PRECHECK", ""), List.of("FAIL_PRECHECK", "材料不全"), List.of("PASS_PROVIDER_CHECK", ""),
                List.of("FAIL_PROVIDER_CHECK", "照片不清"), List.of("INITIAL_REVIEW"), List.of("EKEY_PRECHECK"),
                List.of("NEAR", "PENDING_SECOND_REVIEW", "2026-12-09"), List.of("OVERDUE", "APPROVED", "2026-12-01"));
        for (Locale locale : LOCALES) {
            for (NoticeKind kind : NoticeKind.values()) {
                assertFalse(NoticeTexts.label(locale, "kind." + kind.name()).isBlank());
                for (List<String> arguments : cases) {
                    if (!fits(kind, arguments)) {
                        continue;
                    }
                    String text = NoticeTexts.text(locale, kind, "26AH000001", arguments);
                    assertTrue(text.contains("26AH000001"), text);
                    assertFalse(text.matches(".*\\{\\d\\}.*"), "every placeholder filled: " + text);
                }
            }
        }
    }

    /** The arguments each kind is written with (NoticeWriter, NoticeWatch). */
    private static boolean fits(NoticeKind kind, List<String> arguments) {
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        return switch (kind) {
            case WITHDRAWAL_DECIDED -> first.endsWith("_WITHDRAWAL");
            case CLOSURE_DECIDED -> first.equals("APPROVED") || first.equals("RETURNED");
            case EKEY_DECIDED -> first.startsWith("PASS_") || first.startsWith("FAIL_");
            case WORK_NEW -> arguments.size() == 1 && !first.equals("意见");
            case WORK_DUE -> first.equals("NEAR") || first.equals("OVERDUE");
            default -> arguments.size() == 1;
        };
    }

    @Test
    void codesShowAsTheirLabelsAndTheVariantIsChosenByTheFirstArgument() {
        assertEquals("待办：26AH000001（待复审）",
                NoticeTexts.text(NoticeTexts.CHINESE, NoticeKind.WORK_NEW, "26AH000001", List.of("SECOND_REVIEW")));
        assertEquals("已超期：26AH000001（发证）办理期限为 2026-12-01", NoticeTexts.text(NoticeTexts.CHINESE,
                NoticeKind.WORK_DUE, "26AH000001", List.of("OVERDUE", "APPROVED", "2026-12-01")));
        assertEquals("许可证 26AH000001 的核销申请被退回：数量不符", NoticeTexts.text(NoticeTexts.CHINESE,
                NoticeKind.CLOSURE_DECIDED, "26AH000001", List.of("RETURNED", "WRITE_OFF", "数量不符")));
    }

    @Test
    void theArgumentsAreKeptOnOneLineAndShort() {
        Notice notice = new Notice(1, NoticeKind.APPLICATION_RETURNED, RecordType.APPLICATION, 7, "A1",
                List.of("第一行\n第二行\t制表", "x".repeat(600)), LocalDateTime.of(2026, 12, 5, 8, 0));
        assertEquals("第一行 第二行 制表", notice.arguments().get(0));
        assertTrue(String.join("\t", notice.arguments()).length() <= 500);
        assertFalse(notice.isRead());
    }

    @Test
    void aDeliveryThatFailedWaitsLongerEachTimeUpToHalfAnHour() {
        assertEquals(Duration.ofSeconds(5), Delivery.pause(1));
        assertEquals(Duration.ofSeconds(10), Delivery.pause(2));
        assertEquals(Duration.ofSeconds(20), Delivery.pause(3));
        assertEquals(Duration.ofSeconds(1280), Delivery.pause(9));
        assertEquals(Duration.ofMinutes(30), Delivery.pause(10));
        assertEquals(Duration.ofMinutes(30), Delivery.pause(500));
        LocalDateTime now = LocalDateTime.of(2026, 12, 5, 8, 0);
        Delivery delivery = new Delivery(1, NoticeKind.Channel.EMAIL, "a@example.com", "s", "b", now);
        delivery.claim(now, DeliveryStore.LEASE);
        delivery.failed(now, "connection refused");
        assertEquals(1, delivery.getAttempts());
        assertEquals("connection refused", delivery.getLastError());
    }

    @Test
    void anEnterpriseUserSeesWhatHisDataScopeCovers() {
        Account self = Account.enterpriseUser("ZHANG", "张", 1, "一部", DataScope.SELF,
                Set.of(Role.ENTERPRISE_OPERATOR), "hash");
        Account department = Account.enterpriseUser("LI", "李", 1, "一部", DataScope.DEPARTMENT,
                Set.of(Role.ENTERPRISE_OPERATOR), "hash");
        Account company = Account.enterpriseUser("WANG", "王", 1, "二部", DataScope.COMPANY,
                Set.of(Role.ENTERPRISE_OPERATOR), "hash");
        assertTrue(Audience.sees(self, "ZHANG", "二部"));
        assertFalse(Audience.sees(self, "WANG", "一部"));
        assertTrue(Audience.sees(department, "ZHANG", "一部"));
        assertFalse(Audience.sees(department, "WANG", "二部"));
        assertFalse(Audience.sees(department, "WANG", null));
        assertTrue(Audience.sees(company, "ZHANG", null));
    }

    @Test
    void workIsNearOnItsLastDayAndTheWorkingDayBeforeAndOverdueAfter() {
        // 2026-10-01..07: the National Day holidays; 2026-10-10 (Saturday) worked
        Map<LocalDate, WorkingDays.Kind> listed = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            listed.put(LocalDate.of(2026, 10, d), WorkingDays.Kind.HOLIDAY);
        }
        WorkingDays days = new WorkingDays(listed);
        LocalDate received = LocalDate.of(2026, 9, 29);
        LocalDate deadline = days.deadline(received, 3);
        assertEquals(LocalDate.of(2026, 10, 9), deadline, "30 Sep, then the holidays, 8 and 9 Oct");
        assertEquals(null, NoticeWatch.urgency(LocalDate.of(2026, 9, 29), deadline, days));
        assertEquals(null, NoticeWatch.urgency(LocalDate.of(2026, 9, 30), deadline, days),
                "the next working day after 30 Sep is 8 Oct, still before the last");
        assertEquals("NEAR", NoticeWatch.urgency(LocalDate.of(2026, 10, 8), deadline, days));
        assertEquals("NEAR", NoticeWatch.urgency(deadline, deadline, days), "its last day");
        assertEquals("OVERDUE", NoticeWatch.urgency(LocalDate.of(2026, 10, 10), deadline, days));
    }

    @Test
    void everyRecordOpensOnItsPageInEachPortal() {
        assertEquals("/enterprise/application.xhtml?id=7", RecordType.APPLICATION.page("enterprise", 7, "x"));
        assertEquals("/officer/closure.xhtml?id=3", RecordType.CLOSURE.page("officer", 3, "26AH000001"));
        assertEquals("/enterprise/customs.xhtml?number=26AH000001", RecordType.LICENCE.page("enterprise", 9,
                "26AH000001"));
        assertEquals("/officer/ekey-request.xhtml?id=4", RecordType.EKEY_REQUEST.page("officer", 4, "EK2026000001"));
    }
}
