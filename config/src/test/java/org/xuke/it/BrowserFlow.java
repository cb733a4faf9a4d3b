package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/** The steps of {@link BrowserIT}, run on the test's side (Selenium is not in the deployment). */
final class BrowserFlow {

    private BrowserFlow() {
    }

    /** The application the flow took through to its licence, for the sweep's record pages. */
    private static String lastNumber;
    /** The licence issued in the browser, its application, and the declaration customs made against it. */
    private static String lastLicence;
    private static long lastApplication;
    private static String lastDeclaration;
    /** The deletion request approved in the browser (its record is in the sweep). */
    private static Long lastClosure;

    /**
     * Lists stay readable down to 1024 px (columns wrap, the table scrolls inside itself, nothing is
     * cut) and the form stays usable at 768 px; screenshots at both widths are kept.
     */
    private static void narrowScreens(Browser enterprise) throws Exception {
        for (int width : new int[] {1024, 768}) {
            enterprise.width(width);
            for (String page : List.of("/enterprise/licences.xhtml", "/enterprise/applications.xhtml?list=ALL",
                    "/enterprise/application.xhtml")) {
                enterprise.open(page);
                enterprise.screenshot("narrow-" + width + page.replaceAll("[^a-z]+", "-"));
                List<String> cut = enterprise.clipped();
                assertTrue(cut.isEmpty(), "at " + width + " px " + page + " cuts: " + cut);
            }
        }
        enterprise.width(1400);
    }

    /** The pages of the three portals the accessibility sweep opens, by who opens them. */
    private static final List<String> PUBLIC_PAGES = List.of("/login.xhtml", "/public/verify.xhtml",
            "/public/ekey.xhtml", "/public/seal.xhtml", "/public/catalog.xhtml?kind=currency");
    private static final List<String> ENTERPRISE_PAGES = List.of("/enterprise/index.xhtml",
            "/enterprise/applications.xhtml?list=SUBMIT", "/enterprise/applications.xhtml?list=PENDING",
            "/enterprise/applications.xhtml?list=PRINT", "/enterprise/applications.xhtml?list=ALL",
            "/enterprise/application.xhtml", "/enterprise/licences.xhtml", "/enterprise/customs.xhtml",
            "/enterprise/declarations.xhtml",
            "/enterprise/closure.xhtml?kind=WRITE_OFF",
            "/enterprise/closures.xhtml?list=MANAGE&kind=DELETION", "/enterprise/closures.xhtml?list=QUERY&kind=WRITE_OFF",
            "/enterprise/quotas.xhtml",
            "/enterprise/company.xhtml", "/enterprise/notifications.xhtml", "/enterprise/notification-settings.xhtml",
            "/enterprise/statistics.xhtml", "/enterprise/goods-statistics.xhtml",
            "/enterprise/goods-statistics.xhtml?special=COKE",
            "/enterprise/catalog.xhtml?kind=commodity");
    private static final List<String> OFFICER_PAGES = List.of("/officer/index.xhtml",
            "/officer/applications.xhtml?stage=INITIAL", "/officer/applications.xhtml?stage=DONE",
            "/officer/licences.xhtml", "/officer/customs.xhtml", "/officer/catalog.xhtml?kind=customs-port",
            "/officer/closures.xhtml?kind=DELETION", "/officer/reconciliation.xhtml", "/officer/notifications.xhtml",
            "/officer/notification-settings.xhtml", "/officer/statistics.xhtml", "/officer/goods-statistics.xhtml",
            "/officer/goods-statistics.xhtml?special=RICE", "/officer/workload.xhtml");
    private static final List<String> ADMIN_PAGES = List.of("/officer/index.xhtml", "/officer/accounts.xhtml",
            "/officer/quotas.xhtml", "/officer/expired-quota.xhtml",
            "/officer/catalog-import.xhtml", "/officer/ekey-requests.xhtml");
    private static final List<String> SYSTEM_PAGES = List.of("/officer/index.xhtml", "/officer/audit.xhtml",
            "/officer/dead-letters.xhtml");

    /**
     * axe-core over every page of the three portals (and the application's record on both sides),
     * WCAG 2.1 A and AA: no serious or critical violation; on every list its search is pressed once. The page list and every finding, minor
     * ones included, go to target/accessibility/axe-report.txt.
     */
    static void accessibilitySweep(String password) throws Exception {
        List<String> report = new java.util.ArrayList<>();
        List<String> serious = new java.util.ArrayList<>();
        try (Browser enterprise = Browser.signIn("LLQY", password)) {
            sweep(enterprise, PUBLIC_PAGES, report, serious);
            sweep(enterprise, ENTERPRISE_PAGES, report, serious);
            if (lastNumber != null) {
                enterprise.open("/enterprise/applications.xhtml?list=ALL");
                enterprise.clickLink(lastNumber);
                sweepHere(enterprise, report, serious);
            }
        }
        try (Browser officer = Browser.signIn("LLFZ", password)) {
            sweep(officer, OFFICER_PAGES, report, serious);
            if (lastNumber != null) {
                officer.open("/officer/applications.xhtml?stage=DONE");
                officer.clickLink(lastNumber);
                sweepHere(officer, report, serious);
            }
            if (lastClosure != null) {
                officer.open("/officer/closure.xhtml?id=" + lastClosure);
                sweepHere(officer, report, serious);
            }
        }
        try (Browser admin = Browser.signIn("LLGL", password)) {
            sweep(admin, ADMIN_PAGES, report, serious);
        }
        try (Browser system = Browser.signIn("LLXT", password)) {
            sweep(system, SYSTEM_PAGES, report, serious);
        }
        java.nio.file.Path out = java.nio.file.Path.of("target", "accessibility", "axe-report.txt");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, report);
        assertTrue(serious.isEmpty(), "serious or critical WCAG 2.1 AA violations, or a search a browser cannot "
                + "post:\n" + String.join("\n", serious));
    }

    private static void sweep(Browser browser, List<String> pages, List<String> report, List<String> serious)
            throws Exception {
        for (String page : pages) {
            browser.open(page);
            sweepHere(browser, report, serious);
        }
    }

    /**
     * The search button of each list, pressed once in the real browser with the list's filters as the
     * page shows them: a list whose search a browser cannot post (the enterprise list once answered
     * "“list”不是可选值") shows an error here.
     */
    private static final Map<String, String> SEARCH = Map.ofEntries(
            Map.entry("/enterprise/applications.xhtml", "apps:find"),
            Map.entry("/enterprise/licences.xhtml", "licences:find"),
            Map.entry("/enterprise/customs.xhtml", "customs:find"),
            Map.entry("/officer/licences.xhtml", "licences:find"),
            Map.entry("/officer/customs.xhtml", "customs:find"),
            Map.entry("/enterprise/declarations.xhtml", "declarations:find"),
            Map.entry("/officer/applications.xhtml", "queue:find"),
            Map.entry("/officer/ekey-requests.xhtml", "queue:find"),
            Map.entry("/officer/accounts.xhtml", "list:find"),
            Map.entry("/officer/quotas.xhtml", "quotas:find"),
            Map.entry("/enterprise/quotas.xhtml", "quotas:find"),
            Map.entry("/officer/expired-quota.xhtml", "expired:find"),
            Map.entry("/enterprise/closures.xhtml", "requests-form:find"),
            Map.entry("/officer/closures.xhtml", "requests-form:find"),
            Map.entry("/officer/reconciliation.xhtml", "anomalies:find"),
            Map.entry("/officer/audit.xhtml", "audit:search"),
            Map.entry("/enterprise/statistics.xhtml", "stats:count"),
            Map.entry("/officer/statistics.xhtml", "stats:count"),
            Map.entry("/enterprise/goods-statistics.xhtml", "goods:count"),
            Map.entry("/officer/goods-statistics.xhtml", "goods:count"),
            Map.entry("/officer/workload.xhtml", "workload:count"),
            Map.entry("catalog.xhtml", "search:submit"));

    private static void pressSearch(Browser browser, String page, List<String> report, List<String> serious)
            throws java.io.IOException {
        String path = page.replaceAll("\\?.*", "");
        String button = SEARCH.get(path);
        if (button == null && path.endsWith("/catalog.xhtml")) {
            button = SEARCH.get("catalog.xhtml");
        }
        if (button == null) {
            return;
        }
        browser.press(button);
        List<String> errors = browser.errors();
        report.add("    search pressed (" + button + "): " + (errors.isEmpty() ? "no error" : errors));
        if (!errors.isEmpty() || browser.page().contains("不是可选值")) {
            serious.add(page + ": pressing " + button + " shows " + errors);
        }
        if (path.endsWith("statistics.xhtml") || path.endsWith("/workload.xhtml")) {
            // the figures, their table and chart appear only once counted: checked as well
            List<String> counted = browser.axeViolations();
            report.add("    after counting: " + (counted.isEmpty() ? "no violations" : counted.size() + " rules"));
            for (String violation : counted) {
                report.add("    after counting: " + violation);
                if (violation.startsWith("serious ") || violation.startsWith("critical ")) {
                    serious.add(page + " (counted): " + violation);
                }
            }
        }
    }

    private static void sweepHere(Browser browser, List<String> report, List<String> serious) throws Exception {
        String page = browser.url().replace(PortalClient.HTTPS, "");
        assertFalse(browser.page().contains("您没有访问此页面的权限") || browser.page().contains("出错了"),
                "the sweep checks the page, not a refusal or an error: " + page);
        List<String> violations = browser.axeViolations();
        report.add(page + ": " + (violations.isEmpty() ? "no violations" : violations.size() + " rules"));
        for (String violation : violations) {
            report.add("    " + violation);
            if (violation.startsWith("serious ") || violation.startsWith("critical ") || violation.startsWith("error ")) {
                serious.add(page + ": " + violation);
            }
        }
        pressSearch(browser, page, report, serious);
    }

    /**
     * Each batch action of the enterprise's lists pressed once, as the browser posts it (the form's
     * id once collided with the list= parameter and refused them all): two copies of the issued
     * application, one sealed and 批量上报, the other 批量删除; then 打印申请表 of the issued one.
     */
    private static void batchActions(Browser enterprise, long issuedId, String number) throws Exception {
        String record = "/enterprise/application.xhtml?id=";
        enterprise.open(record + issuedId);
        enterprise.click("actions:copy");
        enterprise.waitForMessage("已复制为新的暂存申请");
        long kept = enterprise.idInUrl();
        enterprise.click("form:save");
        enterprise.waitForMessage("申请已保存并加盖企业电子签章");
        enterprise.click("actions:copy");
        enterprise.waitForMessage("已复制为新的暂存申请");
        long dropped = enterprise.idInUrl();
        assertNotEquals(kept, dropped, "two copies");

        enterprise.open("/enterprise/applications.xhtml?list=SUBMIT");
        enterprise.tickRowLinking("apps:applications", record + kept);
        enterprise.click("apps:submitSelected");
        enterprise.confirm("所选的 1 份申请执行：批量上报");
        enterprise.waitForMessage("已处理 1 件，共选中 1 件");
        assertFalse(enterprise.page().contains("不是可选值"), "batch submit is not refused");
        enterprise.screenshot("12-batch-submitted");

        enterprise.tickRowLinking("apps:applications", record + dropped);
        enterprise.click("apps:deleteSelected");
        enterprise.confirm("所选的 1 份申请执行：批量删除");
        enterprise.waitForMessage("暂存申请（编号 " + dropped + "） 已删除");
        assertTrue(enterprise.all("a[href='" + record + dropped + "']").isEmpty(), "the deleted draft is gone");
        assertTrue(enterprise.all("a[href='" + record + kept + "']").isEmpty(),
                "the submitted copy left the list of drafts");

        enterprise.open("/enterprise/applications.xhtml?list=PRINT");
        enterprise.tickRow("apps:applications", number);
        enterprise.click("apps:printSelected");
        enterprise.waitForMessage("正在生成 1 份申请表的打印文件");
        // the bar polls until the job is done, then the link replaces it
        String pdf = enterprise.attribute("batch-pdf", "href");
        assertTrue(pdf.matches(".*/enterprise/documents/batch/[^/]+\\.pdf"), pdf);
        assertTrue(enterprise.all("[id='apps:progress']").isEmpty(), "the finished bar gave way to the link");
        enterprise.screenshot("13-forms-printed");
    }

    /**
     * The licence reaches customs (the simulator answers with its receipt): 海关入库成功 in the
     * enterprise portal; goods declared in the simulator's page, then the record shows what remains.
     */
    private static void atCustoms(Browser enterprise, String licence) throws Exception {
        enterprise.open("/enterprise/customs.xhtml");
        enterprise.waitForMessage("海关入库成功");
        enterprise.screenshot("11b-stored-by-customs");
        // the declarant at customs, in a browser of his own (the simulator is another system, another site)
        try (Browser customs = Browser.withoutEkey()) {
            customs.openAddress(PortalClient.HTTP + "/customs-sim/");
            customs.type("licence", licence);
            customs.type("quantity", "30");
            customs.click("declare");
            customs.waitForMessage("已核注");
            lastDeclaration = PortalClient.find(customs.page(), "已核注 报关单 (\\d{18})");
            customs.screenshot("11c-declared-in-the-simulator");
        }
        enterprise.open("/enterprise/customs.xhtml");
        for (int i = 0; i < 50 && enterprise.all(".customs-DECLARED").isEmpty(); i++) {
            Thread.sleep(200);
            enterprise.open("/enterprise/customs.xhtml");
        }
        enterprise.screenshot("11c2-declared-at-customs");
        enterprise.clickLink(licence);
        enterprise.waitForText("customs-status", "报关单核注");
        assertEquals("70", enterprise.all(".customs-remaining").get(0).getText(), "100 licensed, 30 declared");
        enterprise.screenshot("11d-remaining-after-the-declaration");
    }

    static void fromTheFormToTheLicence(String password) throws Exception {
        try (Browser enterprise = Browser.signIn("LLQY", password)) {
            enterprise.screenshot("01-enterprise-signed-in");
            enterprise.open("/enterprise/application.xhtml");
            enterprise.type("start:commodity", "8112921000");
            enterprise.type("start:port", "0901");
            enterprise.click("start:next");
            enterprise.choose("form:countryCode", "116");
            enterprise.choose("form:transportModeCode", "2");
            enterprise.choose("form:paymentMethod", "信用证");
            enterprise.type("form:contractNumber", "HT-GD-2026-01");
            enterprise.type("form:lines:0:specification", "99.99%");
            enterprise.type("form:lines:0:unitPrice", "12.5");
            enterprise.type("form:lines:0:quantity", "100");
            enterprise.screenshot("02-form-filled");
            enterprise.click("form:save");
            enterprise.waitForText("application-state", "暂存");
            long first = enterprise.idInUrl();
            assertTrue(enterprise.text("application-seal").startsWith("已盖章：LLQY"), "sealed on saving");
            enterprise.screenshot("03-saved-and-sealed");
            enterprise.click("actions:submit");
            enterprise.screenshot("03b-submit-asks-first");
            enterprise.confirm("确定上报");
            enterprise.waitForText("application-state", "待初审");
            String number = enterprise.text("application-number");
            lastNumber = number;
            assertTrue(number.matches("264401010000012\\d{6}"), number);
            assertTrue(enterprise.text("application-seal").startsWith("已盖章：LLQY"), "still sealed once submitted");
            enterprise.screenshot("04-submitted");
            // Back after a step: the page is not served from the browser's cache, so it shows the
            // application as it now stands, without the buttons of a draft
            enterprise.back();
            enterprise.waitForText("application-state", "待初审");
            assertTrue(enterprise.all("[id='actions:submit']").isEmpty(), "no live 上报 on the page gone back to");
            enterprise.screenshot("04b-back-after-submit");
            // the list of pending applications stays open while the officer decides (issue 18: live)
            enterprise.open("/enterprise/applications.xhtml?list=PENDING");
            assertTrue(enterprise.text("apps:applications").contains(number), "listed as pending");
            int unread = Integer.parseInt(enterprise.text("notice-count"));

            try (Browser initial = Browser.signIn("LLCS", password)) {
                initial.open("/officer/applications.xhtml?stage=INITIAL");
                initial.screenshot("05-initial-queue");
                initial.clickLink(number);
                initial.type("decision:opinion", "合同号有误，请核对");
                initial.click("decision:return");
                initial.confirm("确定退回");
                initial.waitForText("application-state", "初审退回");
                initial.screenshot("06-returned");
                // pushed over the page's WebSocket: the header's count rises and the list is drawn again
                try {
                    enterprise.waitForText("notice-count", String.valueOf(unread + 1));
                } catch (org.openqa.selenium.TimeoutException e) {
                    String page = enterprise.source();
                    int socket = page.indexOf("faces.push");
                    throw new AssertionError("no live count; console:\n" + enterprise.console() + "\nsocket script: "
                            + (socket < 0 ? "none" : page.substring(Math.max(0, socket - 300),
                                    Math.min(page.length(), socket + 500))), e);
                }
                enterprise.waitForTextGone("apps:applications", number);
                enterprise.screenshot("06b-enterprise-told-live");

                enterprise.open("/enterprise/applications.xhtml?list=SUBMIT");
                // 查询 as the browser posts it (its form id once collided with the list= parameter)
                enterprise.type("apps:commodity", "0000");
                enterprise.click("apps:find");
                enterprise.waitForMessage("没有符合条件的记录");
                assertFalse(enterprise.page().contains("不是可选值"), "the search is not refused");
                enterprise.type("apps:commodity", "8112");
                enterprise.click("apps:find");
                enterprise.screenshot("06b-enterprise-list-searched");
                enterprise.clickLink(number);
                assertTrue(enterprise.page().contains("合同号有误，请核对"), "the opinion is shown");
                enterprise.type("form:contractNumber", "HT-GD-2026-02");
                enterprise.click("form:save");
                enterprise.waitForMessage("申请已保存并加盖企业电子签章");
                enterprise.click("actions:submit");
                enterprise.confirm("确定上报");
                enterprise.waitForText("application-state", "待初审");
                assertEquals(number, enterprise.text("application-number"), "resubmitted under the same number");
                enterprise.screenshot("07-changed-and-resubmitted");

                // the bulk step from the queue: its confirmation says how many are ticked
                initial.open("/officer/applications.xhtml?stage=INITIAL");
                initial.tickRow("queue:applications", number);
                initial.click("queue:passInitial");
                initial.screenshot("08a-bulk-step-asks-first");
                String asked = initial.confirm("所选的 1 份申请执行：初审通过");
                assertTrue(asked.contains("1 份"), asked);
                initial.waitForMessage("已处理 1 件，共选中 1 件");
                initial.screenshot("08-initial-review-passed");
            }
            try (Browser second = Browser.signIn("LLFS", password)) {
                second.open("/officer/applications.xhtml?stage=SECOND");
                second.clickLink(number);
                second.click("decision:passSecond");
                second.confirm("确定复审通过");
                second.waitForText("application-state", "复审通过");
                second.screenshot("09-second-review-passed");
            }
            String licence;
            try (Browser issuer = Browser.signIn("LLFZ", password)) {
                issuer.open("/officer/applications.xhtml?stage=ISSUE");
                issuer.clickLink(number);
                issuer.type("decision:opinion", "已核对配额与合同");
                issuer.click("decision:issue");
                issuer.confirm("确定发证");
                issuer.waitForText("application-state", "已发证");
                assertTrue(issuer.page().contains("已核对配额与合同"), "the issuer's opinion stays with the step");
                licence = issuer.text("licence-number");
                assertTrue(licence.matches("26GD\\d{6}"), licence);
                issuer.screenshot("10-issued");
            }
            enterprise.open("/enterprise/licences.xhtml");
            assertTrue(enterprise.all(".licence-number").stream().anyMatch(e -> e.getText().equals(licence)),
                    "the licence appears for the enterprise");
            enterprise.screenshot("11-licence-for-the-enterprise");
            atCustoms(enterprise, licence);
            lastLicence = licence;
            lastApplication = first;
            batchActions(enterprise, first, number);
            narrowScreens(enterprise);
        }
    }

    /**
     * After issue, in the browser: a second licence (issued from a copy of the first application
     * through the real boundary) is deleted — the enterprise reads it in, saves and submits the
     * request, the issuer approves it from his queue — and the first, declared 30 at customs, is
     * written off once the declarant clears the declaration in the simulator. Both licences become
     * 海关已注销 in the enterprise's 海关状态查询.
     */
    static void afterIssue(String password) throws Exception {
        assertTrue(lastLicence != null && lastDeclaration != null, "the workflow test issued and declared a licence");
        long copy = 320_000_000L;
        CustomsLoad.copies(lastApplication, copy, 1);
        // the copy of an issued application, approved again: it is issued through the real boundary
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "update export_application set state = 'APPROVED' where id = ?")) {
            s.setLong(1, copy);
            s.executeUpdate();
        }
        CustomsLoad.Issued issued = CustomsLoad.issue(List.of(copy), "LLFZ", password, 1, 1);
        assertEquals(1, issued.licences(), issued.refusals().toString());
        CustomsLoad.awaitStored(copy, 1);
        String unused = CustomsLoad.query("select licence_number from licence where application_id = ?", copy);
        try (Browser enterprise = Browser.signIn("LLQY", password); Browser issuer = Browser.signIn("LLFZ", password)) {
            enterprise.open("/enterprise/closure.xhtml?kind=DELETION");
            enterprise.type("closure:number", unused);
            enterprise.click("closure:read");
            enterprise.waitForText("closure:closure-customs-status", "海关入库成功");
            enterprise.type("closure:reason", "合同取消");
            enterprise.click("closure:save");
            enterprise.waitForMessage("申请表已保存");
            lastClosure = enterprise.idInUrl();
            enterprise.screenshot("20-deletion-saved");
            enterprise.click("closure:submit");
            enterprise.confirm("确定上报");
            enterprise.waitForText("closure:request-state", "待审核");

            issuer.open("/officer/closures.xhtml?kind=DELETION");
            issuer.screenshot("21-deletion-queue");
            issuer.clickLink("查看");
            issuer.click("decision:approve");
            issuer.confirm("确定通过");
            issuer.waitForText("request-state", "审核通过");
            issuer.screenshot("22-deletion-approved");

            // the declarant clears the declaration at customs (核销 at clearance)
            try (Browser customs = Browser.withoutEkey()) {
                customs.openAddress(PortalClient.HTTP + "/customs-sim/");
                customs.type("licence", lastLicence);
                customs.choose("state", "CLEARED");
                customs.type("declaration", lastDeclaration);
                customs.click("declare");
                customs.waitForMessage("已核销");
                customs.screenshot("23-cleared-in-the-simulator");
            }
            CustomsLoad.awaitProgress("select count(*) from customs_declaration d join licence l on l.id = d.licence_id"
                    + " where l.licence_number = ? and d.state = 'CLEARED'", 1, lastLicence);
            enterprise.open("/enterprise/closure.xhtml?kind=WRITE_OFF");
            enterprise.type("closure:number", lastLicence);
            enterprise.click("closure:read");
            enterprise.waitForText("closure:closure-customs-status", "报关单核注");
            enterprise.type("closure:lines:0:quantity", "30");
            enterprise.type("closure:reason", "已全部出口");
            enterprise.click("closure:save");
            enterprise.waitForMessage("申请表已保存");
            enterprise.click("closure:submit");
            enterprise.confirm("确定上报");
            enterprise.waitForText("closure:request-state", "待审核");
            enterprise.screenshot("24-write-off-submitted");

            issuer.open("/officer/closures.xhtml?kind=WRITE_OFF");
            issuer.clickLink("查看");
            assertEquals("30", issuer.all(".closure-quantity").get(0).getText(), "the quantity stated");
            issuer.click("decision:approve");
            issuer.confirm("确定通过");
            issuer.waitForText("request-state", "审核通过");

            for (String licence : List.of(unused, lastLicence)) {
                enterprise.open("/enterprise/customs.xhtml");
                enterprise.type("customs:search", licence);
                enterprise.click("customs:find");
                for (int i = 0; i < 50 && enterprise.all(".customs-CANCELLED").isEmpty(); i++) {
                    Thread.sleep(200);
                    enterprise.click("customs:find");
                }
                assertEquals("海关已注销", enterprise.all(".customs-CANCELLED").get(0).getText(), licence);
            }
            enterprise.screenshot("25-cancelled-at-customs");
        }
    }
}
