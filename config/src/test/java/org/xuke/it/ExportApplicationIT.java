package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
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
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;

/**
 * The export licence workflow over HTTPS, page by page as the portals offer it: a form refused at
 * its field without losing input, saved and sealed, submitted with a ministry number, returned
 * with an opinion, changed and resubmitted under the same number, withdrawn, passed by two
 * different officers and issued with a licence number; other companies and other provinces see
 * nothing; two officers deciding at once; a quota exceeded at submission.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportApplicationIT {

    private static final String PASSWORD = "Xk-2026-export-flow-3";
    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String LIST = PortalClient.HTTPS + "/enterprise/applications.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";
    /** 未锻轧的镓、铋 (export licence, no quota) and 长粒米碎米 (quota category EL06) of the 2026 catalogue. */
    private static final String GALLIUM = "8112921000";
    private static final String RICE = "1006401000";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ExportApplicationIT.class);
    }

    @Inject
    AccountService accounts;

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ExportApplicationIT.class);
    }

    @People
    void enterprisesAndOfficers() throws Exception {
        long company = enterprises.register("IT", "91210102MA0XUKE100", "PROV-LIAONING", new EnterpriseDetails(
                "辽宁出口申请测试公司", "2101020000100", "沈阳", "联系人", "024-1", null)).getId();
        long other = enterprises.register("IT", "91210102MA0XUKE113", "PROV-LIAONING", new EnterpriseDetails(
                "辽宁另一家测试公司", "2101020000113", "沈阳", "联系人", "024-2", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "CKJB", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, other, "CKQT", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CKCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CKLIANG", PASSWORD,
                Set.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CKFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CKFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CKJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "CKGD", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
    }

    private static PortalClient signedIn(String username) throws Exception {
        return Fixtures.signedIn(username, PASSWORD);
    }

    /** Opens a new form for a commodity, fills it, saves and seals it; returns the new application's id. */
    static long newApplication(PortalClient enterprise, String commodity, String quantity, String contract)
            throws Exception {
        return newApplication(enterprise, commodity, quantity, contract, "0901");
    }

    /** The same at another port (一证一关). */
    static long newApplication(PortalClient enterprise, String commodity, String quantity, String contract,
            String port) throws Exception {
        enterprise.get(FORM);
        String opened = enterprise.submit(FORM, "start", Map.of("start:year", "2026", "start:commodity", commodity,
                "start:port", port, "start:next", "")).body();
        assertTrue(opened.contains("id=\"form:contractNumber\""), "the form opens after the first step");
        String countries = PortalClient.find(opened, "(?s)id=\"form:countryCode\"(.*?)</select>");
        assertTrue(countries.contains("value=\"410\"") && !countries.contains("value=\"142\""),
                "China is no destination of an export");
        String currencies = PortalClient.find(opened, "(?s)id=\"form:currencyCode\"(.*?)</select>");
        assertTrue(currencies.contains("value=\"502\"") && !currencies.contains("德国马克"), "current currencies only");
        String tradeModes = PortalClient.find(opened, "(?s)id=\"form:tradeModeCode\"(.*?)</select>");
        assertTrue(tradeModes.contains("value=\"0110\"") && tradeModes.contains("value=\"3422\"")
                && !tradeModes.contains("value=\"2225\"") && !tradeModes.contains("value=\"3410\""),
                "no trade mode under which goods only enter");
        assertEquals(1, PortalClient.findAll(PortalClient.find(opened, "(?s)id=\"form:paymentMethod\"(.*?)</select>"),
                ">(信用证)</option>").size(), "the licence form's payment methods, 信用证 once");
        HttpResponse<String> saved = enterprise.submit(FORM, "form", fields(contract, quantity, "form:save"));
        assertTrue(saved.body().contains("申请已保存并加盖企业电子签章"), saved.body());
        assertEquals(quantity, PortalClient.find(saved.body(), "id=\"form:lines:0:quantity\"[^>]*value=\"([^\"]*)\""),
                "the saved quantity is shown as typed (never 1E+1)");
        return Long.parseLong(saved.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
    }

    static Map<String, String> fields(String contract, String quantity, String button) {
        Map<String, String> fields = new HashMap<>();
        fields.put("form:tradeModeCode", "0110");
        fields.put("form:countryCode", "116");
        fields.put("form:transportModeCode", "2");
        fields.put("form:paymentMethod", "信用证");
        fields.put("form:validityEnd", "2026-12-31");
        fields.put("form:contractNumber", contract);
        fields.put("form:currencyCode", "502");
        fields.put("form:usdRate", "1");
        fields.put("form:oneBatch", "true");
        fields.put("form:lines:0:specification", "99.99%");
        fields.put("form:lines:0:unitPrice", "12.5");
        fields.put("form:lines:0:quantity", quantity);
        fields.put(button, "");
        return fields;
    }

    private static String state(String page) {
        return PortalClient.find(page, "id=\"application-state\">([^<]+)<");
    }

    @Test
    @Order(2)
    @RunAsClient
    void aFormIsRefusedAtItsFieldsKeepingTheInputThenSavedSealedAndSubmitted() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        enterprise.get(FORM);
        String unknown = enterprise.submit(FORM, "start", Map.of("start:year", "2026", "start:commodity",
                "0000000000", "start:port", "0901", "start:next", "")).body();
        assertTrue(unknown.contains("不在 2026 年度商品目录中"), "an unknown commodity is refused at the first step");

        enterprise.submit(FORM, "start", Map.of("start:year", "2026", "start:commodity", GALLIUM, "start:port",
                "0901", "start:next", ""));
        assertTrue(enterprise.lastPage().contains("辽宁出口申请测试公司"), "exporter from the enterprise record");
        assertTrue(enterprise.lastPage().contains("value=\"2101020000100\""), "consignor pre-filled");
        assertTrue(enterprise.lastPage().contains("<span id=\"form:portCode\">0901 "), "the port by its name");
        assertTrue(enterprise.lastPage().contains("<span id=\"form:unit\">035 千克</span>")
                && enterprise.lastPage().contains("数量（千克）"), "the unit the quantities are in");
        Map<String, String> bad = fields("HT-2026-0123456789", "-5", "form:save");
        String refused = enterprise.submit(FORM, "form", bad).body();
        assertTrue(refused.contains("合同号最多 17 个字符，当前为 18 个"), "contract length at the field");
        assertTrue(refused.contains("必须大于 0"), "negative quantity at the field");
        assertTrue(refused.contains("value=\"HT-2026-0123456789\""), "the input is kept");
        assertTrue(refused.contains("合同号：合同号最多 17 个字符") && refused.contains("第 1 行数量："),
                "the summary names each field");
        Map<String, String> empty = fields("", "100", "form:save");
        empty.put("form:paymentMethod", "");
        String required = enterprise.submit(FORM, "form", empty).body();
        assertTrue(required.contains("合同号：此项必须填写") && required.contains("支付方式：此项必须填写"),
                "never \"此项必须填写\" without the field's name");

        HttpResponse<String> saved = enterprise.submit(FORM, "form", fields("HT-2026-01", "100", "form:save"));
        assertTrue(saved.body().contains("已盖章：CKJB"), "sealed by the user who saved");
        assertEquals("暂存", state(saved.body()));
        String id = saved.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1");
        String verified = enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:verify", "")).body();
        assertTrue(verified.contains("签章有效"), "the seal verifies against the stored content");

        String submitted = enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", "")).body();
        assertEquals("待初审", state(submitted));
        String number = PortalClient.find(submitted, "id=\"application-number\">(\\d{21})<");
        assertTrue(number.startsWith("262101020000100"), "year + enterprise code + serial: " + number);
        assertTrue(submitted.contains("已盖章：CKJB"), "the seal holds through numbering");
        String stillValid = enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:verify", "")).body();
        assertTrue(stillValid.contains("签章有效"), "and still verifies once submitted");

        // another company of the same authority, and another authority, see nothing of it
        assertEquals(404, signedIn("CKQT").get(FORM + "?id=" + id).statusCode());
        assertEquals(404, signedIn("CKGD").get(DECIDE + id).statusCode());
        assertEquals(403, enterprise.get(PortalClient.HTTPS + "/officer/applications.xhtml").statusCode(),
                "an enterprise user has no officer queue");
    }

    @Test
    @Order(3)
    @RunAsClient
    void returnedWithAnOpinionChangedResubmittedUnderTheSameNumberPassedByTwoOfficersAndIssued() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        String list = enterprise.get(LIST + "?list=PENDING").body();
        String id = PortalClient.find(list, "application.xhtml\\?id=(\\d+)");
        String number = PortalClient.find(enterprise.get(FORM + "?id=" + id).body(),
                "id=\"application-number\">(\\d{21})<");

        PortalClient initial = signedIn("CKCS");
        String queue = initial.get(PortalClient.HTTPS + "/officer/applications.xhtml?stage=INITIAL").body();
        assertTrue(queue.contains(number) && queue.contains("0 / 3"), "in the initial queue with its clock");
        initial.get(DECIDE + id);
        String noOpinion = initial.submit(DECIDE + id, "decision", Map.of("decision:return", "")).body();
        assertTrue(noOpinion.contains("退回、不通过或不同意撤销时必须填写审批意见"), "a return needs an opinion");
        String returned = initial.submit(DECIDE + id, "decision", Map.of("decision:opinion", "合同号与合同不符",
                "decision:return", "")).body();
        assertEquals("初审退回", state(returned));

        String seen = enterprise.get(FORM + "?id=" + id).body();
        assertTrue(seen.contains("合同号与合同不符"), "the enterprise reads the opinion");
        String changed = enterprise.submit(FORM + "?id=" + id, "form", fields("HT-2026-02", "100", "form:save"))
                .body();
        assertTrue(changed.contains("已盖章：CKJB"), "sealed again after the change");
        assertFalse(changed.contains("actions:withdraw"), "a returned application offers no withdrawal");
        String resubmitted = enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", "")).body();
        assertEquals(number, PortalClient.find(resubmitted, "id=\"application-number\">(\\d{21})<"),
                "the number is kept");

        // 撤销 is a request (待撤销) the initial reviewer agrees to or refuses with an opinion
        String requested = enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:withdraw", "")).body();
        assertEquals("待撤销", state(requested));
        assertTrue(requested.contains("撤销申请已提交，待主管机关确认"), requested);
        assertFalse(requested.contains("actions:withdraw") || requested.contains("actions:submit")
                || requested.contains("form:save"), "nothing for the enterprise to do until the authority decides");
        assertTrue(enterprise.get(LIST + "?list=PENDING").body().contains(number), "listed under 待审申请");
        assertTrue(initial.get(PortalClient.HTTPS + "/officer/applications.xhtml?stage=WITHDRAWAL").body()
                .contains(number), "in the authority's 待撤销 queue");
        String waiting = initial.get(DECIDE + id).body();
        assertFalse(waiting.contains("decision:passInitial"), "no review while the request waits");
        String noReason = initial.submit(DECIDE + id, "decision", Map.of("decision:refuseWithdrawal", "")).body();
        assertTrue(noReason.contains("必须填写审批意见"), "a refused withdrawal needs an opinion");
        assertEquals("待撤销", state(noReason));
        String kept = initial.submit(DECIDE + id, "decision", Map.of("decision:opinion", "合同已生效，不同意撤销",
                "decision:refuseWithdrawal", "")).body();
        assertEquals("待初审", state(kept));
        assertTrue(enterprise.get(FORM + "?id=" + id).body().contains("合同已生效，不同意撤销"),
                "the enterprise reads why");
        assertEquals("待撤销", state(enterprise.submit(FORM + "?id=" + id, "actions",
                Map.of("actions:withdraw", "")).body()), "asked again");
        String requests = PortalClient.HTTPS + "/officer/applications.xhtml?stage=WITHDRAWAL";
        initial.get(requests);
        String agreed = initial.submit(requests, "queue", Map.of("queue:applications_selection", id,
                "queue:agreeWithdrawal", "")).body();
        assertTrue(agreed.contains("已处理 1 件，共选中 1 件"), agreed);
        assertFalse(agreed.contains("application.xhtml?id=" + id + "\""), "no longer waiting");
        assertEquals("已撤销", state(enterprise.get(FORM + "?id=" + id).body()));
        assertTrue(enterprise.get(LIST + "?list=SUBMIT").body().contains(number), "back in 上报申请");
        enterprise.get(FORM + "?id=" + id);
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        assertEquals("待初审", state(enterprise.lastPage()));

        PortalClient both = signedIn("CKLIANG");
        both.get(DECIDE + id);
        assertEquals("待复审", state(both.submit(DECIDE + id, "decision", Map.of("decision:passInitial", "")).body()));
        both.get(DECIDE + id);
        String same = both.lastPage();
        assertTrue(same.contains("decision:passSecond"), "he holds the second-review role too");
        String refused = both.submit(DECIDE + id, "decision", Map.of("decision:passSecond", "")).body();
        assertTrue(refused.contains("同一申请的初审和复审不能由同一人办理"), "not both stages by one officer");
        assertEquals("待复审", state(refused));

        PortalClient second = signedIn("CKFS");
        second.get(DECIDE + id);
        assertEquals("复审通过", state(second.submit(DECIDE + id, "decision", Map.of("decision:passSecond", ""))
                .body()));

        PortalClient issuer = signedIn("CKFZ");
        issuer.get(DECIDE + id);
        String noCode = issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body();
        assertTrue(noCode.contains("尚未设置许可证编号代码"), "no licence without the authority's code");
        assertEquals("复审通过", state(noCode));
        PortalClient admin = signedIn("CKJG");
        String quotas = PortalClient.HTTPS + "/officer/quotas.xhtml";
        admin.get(quotas);
        assertTrue(admin.submit(quotas, "code", Map.of("code:licenceCode", "L-", "code:saveCode", "")).body()
                .contains("应为 2 至 4 位大写字母"), "a malformed code is refused");
        String set = admin.submit(quotas, "code", Map.of("code:licenceCode", "ln", "code:saveCode", "")).body();
        assertTrue(set.contains("许可证编号代码已设为 LN"), set);
        issuer.get(DECIDE + id);
        String issued = issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body();
        assertEquals("已发证", state(issued));
        String licence = PortalClient.find(issued, "id=\"licence-number\">(26LN\\d{6})<");
        String mine = enterprise.get(PortalClient.HTTPS + "/enterprise/licences.xhtml").body();
        assertTrue(mine.contains(licence), "the enterprise sees its licence");
        assertFalse(signedIn("CKQT").get(PortalClient.HTTPS + "/enterprise/licences.xhtml").body().contains(licence),
                "another company does not");
        String history = enterprise.get(FORM + "?id=" + id).body();
        for (String step : new String[] {"CKCS", "CKLIANG", "CKFS", "CKFZ"}) {
            assertTrue(history.contains(">" + step + "<"), step + " in the history");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void ofTwoOfficersDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        long id = newApplication(enterprise, GALLIUM, "10", "HT-2026-03");
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        PortalClient first = signedIn("CKCS");
        PortalClient second = signedIn("CKLIANG");
        first.get(DECIDE + id);
        second.get(DECIDE + id);
        assertEquals("待复审", state(first.submit(DECIDE + id, "decision", Map.of("decision:passInitial", ""))
                .body()));
        String late = second.submit(DECIDE + id, "decision", Map.of("decision:opinion", "资料不全",
                "decision:return", "")).body();
        assertTrue(late.contains("已被他人处理或修改"), "the second decision is refused with a clear message");
        assertEquals("待复审", state(second.get(DECIDE + id).body()), "nothing was overwritten");
    }

    @Test
    @Order(5)
    @RunAsClient
    void aQuotaCommodityNeedsQuotaAndIsRefusedBeyondWhatIsLeft() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        long first = newApplication(enterprise, RICE, "60", "HT-2026-R1");
        String none = enterprise.submit(FORM + "?id=" + first, "actions", Map.of("actions:submit", "")).body();
        assertTrue(none.contains("没有 EL06 类配额"), "no quota, no quota goods");

        PortalClient admin = signedIn("CKJG");
        String quotas = PortalClient.HTTPS + "/officer/quotas.xhtml";
        admin.get(quotas);
        String set = admin.submit(quotas, "allocate", Map.of("allocate:uscc", "91210102MA0XUKE100", "allocate:year",
                "2026", "allocate:category", "EL06", "allocate:quantity", "100", "allocate:document", "商配额〔2026〕1号",
                "allocate:save", "")).body();
        assertTrue(set.contains("已保存 91210102MA0XUKE100 的 2026 年度 EL06 类配额"), set);
        assertEquals(403, signedIn("CKGD").get(quotas).statusCode(), "quotas are the administrator's");

        assertEquals("待初审", state(enterprise.submit(FORM + "?id=" + first, "actions",
                Map.of("actions:submit", "")).body()));
        long second = newApplication(enterprise, RICE, "50", "HT-2026-R2");
        String exceeded = enterprise.submit(FORM + "?id=" + second, "actions", Map.of("actions:submit", "")).body();
        assertTrue(exceeded.contains("超出配额：EL06 类配额 100，已发证使用 0，审批中占用 60，剩余 40，本次申请 50"), exceeded);
        assertEquals("暂存", state(exceeded));

        // the list: batch submit refuses it again, one message per application; then it is deleted
        enterprise.get(LIST + "?list=SUBMIT");
        String batch = enterprise.submit(LIST + "?list=SUBMIT", "apps", Map.of("apps:applications_selection",
                String.valueOf(second), "apps:submitSelected", "")).body();
        assertTrue(batch.contains("已处理 0 件，共选中 1 件"), batch);
        assertEquals(1, batch.split("已处理 0 件", -1).length - 1, "shown once: in the list's messages, not in a growl too");
        String deleted = enterprise.submit(LIST + "?list=SUBMIT", "apps", Map.of("apps:applications_selection",
                String.valueOf(second), "apps:deleteSelected", "")).body();
        assertTrue(deleted.contains("已处理 1 件，共选中 1 件"), deleted);
        assertEquals(404, enterprise.get(FORM + "?id=" + second).statusCode());
    }

    /**
     * The officers' queue totals come from application_count, kept by triggers (V12): after every
     * step above (and those of the classes before, on the same database) it matches a real count.
     */
    @Test
    @Order(6)
    void theQueueTotalsKeptByTheDatabaseMatchTheApplications() throws Exception {
        String counted = "select authority_code, state, applications from application_count where applications <> 0 "
                + "order by 1, 2";
        String actual = "select authority_code, state, count(*) from export_application group by 1, 2 order by 1, 2";
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            List<String> kept = rows(s.executeQuery(counted));
            assertFalse(kept.isEmpty(), "the steps above left applications");
            assertEquals(rows(s.executeQuery(actual)), kept);
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void theListsFilterAndSortInTheDatabase() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        String all = LIST + "?list=ALL";
        List<String> shown = numbers(enterprise.get(all).body());
        assertTrue(shown.size() >= 3, "the steps above left applications with numbers: " + shown);
        List<String> ascending = new ArrayList<>(shown);
        ascending.sort(null);
        assertEquals(ascending, numbers(enterprise.sortBy(all, "apps", "apps:applications:applicationNumber", 1)),
                "by application number, ascending");
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(descending, numbers(enterprise.sortBy(all, "apps", "apps:applications:applicationNumber", -1)));

        String rice = enterprise.search(all, "apps", Map.of("apps:commodity", "1006"));
        assertTrue(rice.contains(">" + RICE + " 长粒米碎米<") && !rice.contains(">" + GALLIUM + " "),
                "commodity code's start");
        String issued = enterprise.search(all, "apps", Map.of("apps:state", "ISSUED"));
        List<String> states = PortalClient.findAll(issued, "class=\"app-state\">([^<]+)<");
        assertFalse(states.isEmpty());
        assertTrue(states.stream().allMatch("已发证"::equals), states.toString());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertTrue(enterprise.search(all, "apps", Map.of("apps:from", today.plusDays(2).toString()))
                .contains("没有符合条件的记录"), "nothing created after tomorrow");
        assertFalse(numbers(enterprise.search(all, "apps", Map.of("apps:from", today.minusDays(2).toString(),
                "apps:to", today.plusDays(2).toString()))).isEmpty());
        assertTrue(enterprise.search(all, "apps", Map.of("apps:to", "29.11.2026")).contains("日期格式应为 yyyy-MM-dd"));

        // seed 003's 单证查询: licence number (to the electronic licence), goods by name, unit, dollars; year
        String page = enterprise.get(all).body();
        List<String> licences = PortalClient.findAll(page, "/enterprise/documents/licence/(26LN\\d{6})\\.pdf");
        assertEquals(1, licences.size(), "the licence issued above: " + licences);
        assertTrue(page.contains(GALLIUM + " 未锻轧的镓、铋; 粉末"), "the catalogue's name of the goods");
        assertTrue(page.contains("100 千克"), "the quantity with the catalogue's unit");
        assertTrue(page.contains("class=\"app-usd\">1250.00<"), "100 at 12.5, rate 1");
        List<String> byLicence = numbers(enterprise.search(all, "apps",
                Map.of("apps:licenceNumber", licences.get(0).substring(2).toLowerCase(java.util.Locale.ROOT))));
        assertEquals(1, byLicence.size(), "part of the licence number, any case: " + byLicence);
        assertTrue(numbers(enterprise.search(all, "apps", Map.of("apps:licenceNumber", "99ZZ"))).isEmpty());
        assertEquals(shown.size(), numbers(enterprise.search(all, "apps", Map.of("apps:year", "2026"))).size());
        assertTrue(enterprise.search(all, "apps", Map.of("apps:year", "2025")).contains("没有符合条件的记录"));
        assertTrue(enterprise.search(all, "apps", Map.of("apps:year", "20x6")).contains("请输入数字"));
        List<java.math.BigDecimal> dollars = PortalClient.findAll(enterprise.sortBy(all, "apps",
                "apps:applications:totalUsd", 1), "class=\"app-usd\">([0-9.]+)<").stream()
                .map(java.math.BigDecimal::new).toList();
        List<java.math.BigDecimal> sortedDollars = new ArrayList<>(dollars);
        sortedDollars.sort(null);
        assertTrue(dollars.size() >= 3 && dollars.equals(sortedDollars), "by dollars: " + dollars);

        // the officers' queue: two more pending applications, then sorted and searched
        for (String contract : new String[] {"HT-2026-S1", "HT-2026-S2"}) {
            long id = newApplication(enterprise, GALLIUM, "1", contract);
            enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        }
        PortalClient initial = signedIn("CKCS");
        String queue = PortalClient.HTTPS + "/officer/applications.xhtml?stage=INITIAL";
        List<String> pending = numbers(initial.get(queue).body());
        assertTrue(pending.size() >= 3, pending.toString());
        List<String> byNumber = new ArrayList<>(pending);
        byNumber.sort(null);
        assertEquals(byNumber, numbers(initial.sortBy(queue, "queue", "queue:applications:applicationNumber", 1)));
        java.util.Collections.reverse(byNumber);
        assertEquals(byNumber, numbers(initial.sortBy(queue, "queue", "queue:applications:applicationNumber", -1)));
        assertEquals(pending.size(), numbers(initial.search(queue, "queue", Map.of("queue:search", "出口申请测试")))
                .size(), "the enterprise's name, in part");
        assertTrue(numbers(initial.search(queue, "queue", Map.of("queue:search", "另一家"))).isEmpty());
        List<String> riceOnly = numbers(initial.search(queue, "queue", Map.of("queue:commodity", "1006")));
        assertEquals(1, riceOnly.size(), "the one rice application left pending above: " + riceOnly);
        assertTrue(initial.lastPage().contains(RICE + " 长粒米碎米"), "the goods by name in the queue too");
    }

    @Test
    @Order(8)
    @RunAsClient
    void theQuotaListSearchesAndSorts() throws Exception {
        PortalClient admin = signedIn("CKJG");
        String quotas = PortalClient.HTTPS + "/officer/quotas.xhtml";
        admin.get(quotas);
        assertTrue(admin.submit(quotas, "allocate", Map.of("allocate:uscc", "91210102MA0XUKE113", "allocate:year",
                "2025", "allocate:category", "el07", "allocate:quantity", "10", "allocate:document", "商配额〔2025〕7号",
                "allocate:save", "")).body().contains("已保存 91210102MA0XUKE113 的 2025 年度 EL07 类配额"));
        String mine = "辽宁出口申请测试公司";
        String other = "辽宁另一家测试公司";
        List<String> both = List.of(mine, other);
        assertEquals(both, holders(admin.get(quotas).body(), both), "newest year first");
        assertEquals(List.of(other), holders(admin.search(quotas, "quotas", Map.of("quotas:listEnterprise",
                "91210102MA0XUKE113")), both), "by USCC");
        assertEquals(List.of(other), holders(admin.search(quotas, "quotas", Map.of("quotas:listEnterprise",
                "ma0xuke11")), both), "by part of the USCC, any case");
        assertEquals(List.of(mine), holders(admin.search(quotas, "quotas", Map.of("quotas:listEnterprise", "出口申请")),
                both), "by part of the name");
        assertEquals(both, holders(admin.search(quotas, "quotas", Map.of("quotas:listCategory", "el0")), both),
                "categories starting EL0 (EL06, EL07)");
        assertEquals(List.of(other), holders(admin.search(quotas, "quotas", Map.of("quotas:listCategory", "EL07")),
                both));
        assertEquals(List.of(mine), holders(admin.search(quotas, "quotas", Map.of("quotas:listYear", "2026")), both));
        assertTrue(admin.search(quotas, "quotas", Map.of("quotas:listYear", "20x6")).contains("请输入数字"));
        assertEquals(List.of(other, mine), holders(admin.sortBy(quotas, "quotas", "quotas:list:year", 1), both));
        assertEquals(List.of(mine, other), holders(admin.sortBy(quotas, "quotas", "quotas:list:year", -1), both));
        assertEquals(List.of(other, mine), holders(admin.sortBy(quotas, "quotas", "quotas:list:allocated", 1), both),
                "10 before 100");
    }

    /** The quota holders of {@code names} in the order the list shows them. */
    private static List<String> holders(String page, List<String> names) {
        return PortalClient.findAll(page, "class=\"quota-holder\">([^<]+)<").stream().filter(names::contains)
                .toList();
    }

    /** The application numbers a list shows, in its order. */
    private static List<String> numbers(String page) {
        return PortalClient.findAll(page, "class=\"app-link\" href=\"[^\"]+\">(\\d{21})<");
    }

    private static List<String> rows(ResultSet result) throws Exception {
        List<String> rows = new ArrayList<>();
        while (result.next()) {
            rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getLong(3));
        }
        return rows;
    }

    /**
     * Numbers are bounded on their text before they are parsed: an exponent, too many digits or a
     * word is a message at the field (it once was HTTP 500, or a total of 20,001 digits); grouping
     * commas and full-width digits are read as what they say. Nothing is saved from a refused form.
     */
    @Test
    @Order(9)
    @RunAsClient
    void numbersAreBoundedAtTheirFields() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        for (String bad : List.of("1e20000", "1e309", "10000000000000", "0.0000001", "abc")) {
            enterprise.get(FORM);
            enterprise.submit(FORM, "start", Map.of("start:year", "2026", "start:commodity", GALLIUM, "start:port",
                    "0901", "start:next", ""));
            Map<String, String> fields = fields("HT-BOUNDS", bad, "form:save");
            fields.put("form:usdRate", bad);
            HttpResponse<String> refused = enterprise.submit(FORM, "form", fields);
            assertEquals(200, refused.statusCode(), bad);
            assertTrue(refused.body().contains("请输入数字（最多 13 位整数、6 位小数"), bad + ": " + refused.body());
            assertFalse(refused.body().contains("申请已保存"), bad);
        }
        enterprise.get(FORM);
        enterprise.submit(FORM, "start", Map.of("start:year", "2026", "start:commodity", GALLIUM, "start:port", "0901",
                "start:next", ""));
        HttpResponse<String> grouped = enterprise.submit(FORM, "form", fields("HT-BOUNDS", "１,２００", "form:save"));
        assertTrue(grouped.body().contains("申请已保存并加盖企业电子签章"), grouped.body());
        assertEquals("1200", PortalClient.find(grouped.body(), "id=\"form:lines:0:quantity\"[^>]*value=\"([^\"]*)\""));
    }

    /**
     * The licence context checks the validity again at issue: an approved application whose validity
     * ended meanwhile is refused with the reason and stays approved (it once was issued all the same).
     */
    @Test
    @Order(10)
    @RunAsClient
    void anApplicationWhoseValidityEndedIsNotIssued() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        long id = newApplication(enterprise, GALLIUM, "5", "HT-2026-OLD");
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        PortalClient initial = signedIn("CKCS");
        initial.get(DECIDE + id);
        assertEquals("待复审", state(initial.submit(DECIDE + id, "decision", Map.of("decision:passInitial", ""))
                .body()));
        PortalClient second = signedIn("CKFS");
        second.get(DECIDE + id);
        assertEquals("复审通过", state(second.submit(DECIDE + id, "decision", Map.of("decision:passSecond", ""))
                .body()));
        assertEquals(1, sql("update export_application set validity_end = current_date - 1 where id = " + id));
        PortalClient issuer = signedIn("CKFZ");
        issuer.get(DECIDE + id);
        String refused = issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body();
        assertTrue(refused.contains("已过，不能发证"), refused);
        assertEquals("复审通过", state(refused), "still approved, no licence");
        assertFalse(refused.contains("id=\"licence-number\""), "no licence number shown");
    }

    /** The home pages say what waits, and every figure agrees with the list it links to. */
    @Test
    @Order(11)
    @RunAsClient
    void theHomePagesCountWhatWaitsAndEachFigureMatchesItsList() throws Exception {
        PortalClient enterprise = signedIn("CKJB");
        String home = enterprise.get(PortalClient.HTTPS + "/enterprise/index.xhtml").body();
        assertEquals(total(enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PENDING").body()),
                tile(home, "home-pending"));
        assertEquals(total(enterprise.get(PortalClient.HTTPS + "/enterprise/licences.xhtml").body()),
                tile(home, "home-issued"));
        assertEquals(total(enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=SUBMIT").body()),
                tile(home, "home-drafts") + tile(home, "home-returned"));
        assertTrue(tile(home, "home-approved") >= 1, "the application whose validity ended waits to be issued");

        PortalClient initial = signedIn("CKCS");
        String before = initial.get(PortalClient.HTTPS + "/officer/index.xhtml").body();
        assertEquals(total(initial.get(PortalClient.HTTPS + "/officer/applications.xhtml?stage=INITIAL").body()),
                tile(before, "home-initial"));
        long id = newApplication(enterprise, GALLIUM, "3", "HT-2026-LATE");
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        String submitted = initial.get(PortalClient.HTTPS + "/officer/index.xhtml").body();
        assertEquals(tile(before, "home-initial") + 1, tile(submitted, "home-initial"));
        assertEquals(tile(before, "home-overdue"), tile(submitted, "home-overdue"), "received today: not late");
        assertEquals(1, sql("update export_application set submitted_at_utc = submitted_at_utc"
                + " - interval '14 days' where id = " + id));
        String late = initial.get(PortalClient.HTTPS + "/officer/index.xhtml").body();
        assertEquals(tile(before, "home-overdue") + 1, tile(late, "home-overdue"), "received two weeks ago: late");
        assertTrue(late.contains("xuke-tile-alert"), "a late application is marked");

        // the working-day clock on the record for both sides, in the enterprise's list and the 待发证 queue
        for (PortalClient side : List.of(enterprise, initial)) {
            String record = side.get((side == enterprise ? FORM : DECIDE.replace("?id=", "")) + "?id=" + id).body();
            assertTrue(PortalClient.find(record, "id=\"application-clock\"[^>]*>([^<]+)<").endsWith("/ 3"), record);
            assertTrue(PortalClient.find(record, "(<span[^>]*id=\"application-clock\"[^>]*>)").contains("xuke-error"),
                    "late on the record");
            assertTrue(record.contains("id=\"application-deadline\""), "the deadline on the record");
        }
        assertTrue(enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PENDING").body()
                .contains("/ 3</span>"), "the enterprise's list shows the clock");
        assertTrue(signedIn("CKFZ").get(PortalClient.HTTPS + "/officer/applications.xhtml?stage=ISSUE").body()
                .matches("(?s).*>\\d+ / 3</span>.*"), "the 待发证 queue counts the days too");
    }

    /** Changes the run's test database as an operator's SQL would (the client side has no DataSource). */
    private static int sql(String update) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15433/xuke", "xuke", "xuke");
                Statement s = c.createStatement()) {
            return s.executeUpdate(update);
        }
    }

    private static long tile(String page, String id) {
        return Long.parseLong(PortalClient.find(page, "id=\"" + id + "\"[^>]*>\\s*<strong>(\\d+)</strong>"));
    }

    private static long total(String page) {
        return page.contains("没有符合条件的记录") ? 0
                : Long.parseLong(PortalClient.find(page, "总共 (\\d+) 条记录"));
    }
}
