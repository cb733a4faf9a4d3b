package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.xuke.account.AccountService;
import org.xuke.account.Role;
import org.xuke.closure.LicenceExpiry;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsXml;
import org.xuke.customs.DeploymentName;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.platform.Zones;

/**
 * After issue (删证, 核销, expiry) on the real stack: eight rice licences (a quota commodity, 10
 * each from an allocation of 1,000) issued through the real boundary and stored by the customs
 * simulator. A deletion from the enterprise's pages to the issuer's approval: the licence is
 * deleted, customs cancels it (海关已注销), its 10 come back. A write-off of a licence used 3 and
 * cleared: 7 come back. Every refusal: a wrong number, another company's licence, a used one for
 * deletion, an uncleared one or wrong quantities for write-off, a second request, a second
 * submission, the wrong role, the wrong authority, a return without opinion. The races: usage
 * arriving while a deletion waits blocks its approval; two issuers approving at once, one wins;
 * usage of an ended licence goes to the dead-letter queue; printing is refused. Expiry: the daily
 * run records expiry once, gives back the unused quota where the authority says so, and lists it
 * for the administrator where not.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosureIT {

    private static final String PASSWORD = "Xk-2026-closure-17";
    private static final String USCC = ListPagesBenchmark.uscc(1717);
    private static final String OTHER_USCC = ListPagesBenchmark.uscc(1718);
    private static final String RICE = "1006401000";
    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";
    private static final String ENTERPRISE_PROBE = PortalClient.HTTPS + "/enterprise/it-closure?";
    private static final String OFFICER_PROBE = PortalClient.HTTPS + "/officer/it-closure?";
    private static final String CLOSURE_FORM = PortalClient.HTTPS + "/enterprise/closure.xhtml";
    private static final String CLOSURE_LIST = PortalClient.HTTPS + "/enterprise/closures.xhtml";
    private static final String QUEUE = PortalClient.HTTPS + "/officer/closures.xhtml";
    private static final String DECISION = PortalClient.HTTPS + "/officer/closure.xhtml?id=";
    /** Application ids of the copies: licence i is issued from FIRST + i. */
    private static final long FIRST = 310_000_000L;
    private static final int LICENCES = 8;
    private static final int PAGE_DELETION = 0;
    private static final int WRITE_OFF = 1;
    private static final int RACE = 2;
    private static final int CONCURRENT = 3;
    private static final int REFUSALS = 4;
    private static final int EXPIRES_AUTOMATIC = 5;
    private static final int EXPIRES_LISTED = 6;
    private static final int CHANGED = 7;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ClosureIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    LicenceExpiry expiry;

    @Resource(lookup = "jdbc/xuke")
    DataSource database;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Usage")
    Queue usage;

    @Resource(lookup = "jms/xuke/DeadLetter")
    Queue deadLetter;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ClosureIT.class);
    }

    @People
    void enterprisesAndOfficers() throws Exception {
        long company = enterprises.register("IT", USCC, "PROV-HENAN", new EnterpriseDetails(
                "河南删证核销测试粮油进出口公司", "4101020000171", "郑州", "联系人", "0371-1", null)).getId();
        long other = enterprises.register("IT", OTHER_USCC, "PROV-HENAN", new EnterpriseDetails(
                "河南另一家进出口公司", "4101020000172", "郑州", "联系人", "0371-2", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "SZQY", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, other, "SZQT", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-HENAN", "SZCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HENAN", "SZFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HENAN", "SZFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-HENAN", "SZFY", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-HENAN", "SZJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-HUBEI", "SZHB", PASSWORD, Set.of(Role.ISSUER));
    }

    @Test
    @Order(1)
    @RunAsClient
    void eightRiceLicencesAreIssuedAndStoredAtCustoms() throws Exception {
        Fixtures.licenceNumberCode("SZJG", PASSWORD, "HA");
        PortalClient admin = Fixtures.signedIn("SZJG", PASSWORD);
        String quotas = PortalClient.HTTPS + "/officer/quotas.xhtml";
        admin.get(quotas);
        assertTrue(admin.submit(quotas, "allocate", Map.of("allocate:uscc", USCC, "allocate:year", "2026",
                "allocate:category", "EL06", "allocate:quantity", "1000", "allocate:document", "商配额〔2026〕17号",
                "allocate:save", "")).body().contains("EL06 类配额"));
        long template = CustomsLoad.approved("SZQY", "SZCS", "SZFS", PASSWORD, "HT-2026-SZ1", RICE, "10");
        CustomsLoad.copies(template, FIRST, LICENCES);
        CustomsLoad.Issued issued = CustomsLoad.issue(FIRST, LICENCES, "SZFZ", PASSWORD, 1, LICENCES);
        assertEquals(List.of(), issued.refusals());
        assertEquals(LICENCES, issued.licences());
        CustomsLoad.awaitStored(FIRST, LICENCES);
        assertEquals(LICENCES, CustomsLoad.stored(FIRST, LICENCES), "customs stored every licence");
        assertEquals("80.00000", CustomsLoad.query("select q.used from quota_allocation q join enterprise e on e.id = "
                + "q.enterprise_id where e.uscc = ? and q.category_code = 'EL06'", USCC), "each drew 10");
    }

    @Test
    @Order(2)
    @RunAsClient
    void aDeletionFromTheEnterprisesFormToTheIssuersApproval() throws Exception {
        String number = number(PAGE_DELETION);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        enterprise.get(CLOSURE_FORM + "?kind=DELETION");
        String wrong = enterprise.submit(CLOSURE_FORM + "?kind=DELETION", "closure",
                Map.of("closure:number", "26HA12", "closure:read", "")).body();
        assertTrue(wrong.contains("格式不正确"), "a wrong shape is refused with the format");
        assertTrue(wrong.contains("value=\"26HA12\""), "what was typed stays");
        String read = enterprise.submit(CLOSURE_FORM + "?kind=DELETION", "closure",
                Map.of("closure:number", number.toLowerCase(), "closure:read", "")).body();
        assertTrue(read.contains("closure-customs-status\">海关入库成功"), "read in with customs' status");
        // from 查看电子许可证: the request form with the number read in already
        assertTrue(enterprise.get(PortalClient.HTTPS + "/enterprise/licences.xhtml").body()
                .contains("closure.xhtml?kind=DELETION&amp;number=" + number));
        assertTrue(enterprise.get(CLOSURE_FORM + "?kind=DELETION&number=" + number).body()
                .contains("closure-customs-status\">海关入库成功"), "read in on arrival");
        enterprise.get(CLOSURE_FORM + "?kind=DELETION");
        enterprise.submit(CLOSURE_FORM + "?kind=DELETION", "closure", Map.of("closure:number", number,
                "closure:read", ""));
        String saved = enterprise.submit(CLOSURE_FORM + "?kind=DELETION", "closure", Map.of("closure:number", number,
                "closure:reason", "合同取消", "closure:save", "")).body();
        assertTrue(saved.contains("许可证 " + number + " 的申请表已保存"), saved);
        long id = requestId(number);

        // 删除申请表管理: listed, submitted from the list's selection
        String managed = enterprise.search(CLOSURE_LIST + "?list=MANAGE&kind=DELETION", "requests-form",
                Map.of("requests-form:number", number));
        assertTrue(managed.contains(">" + number + "</a>") && managed.contains("待上报"));
        String submitted = enterprise.submit(CLOSURE_LIST + "?list=MANAGE&kind=DELETION", "requests-form",
                Map.of("requests-form:requests_selection", String.valueOf(id), "requests-form:submitSelected", ""))
                .body();
        assertTrue(submitted.contains("许可证 " + number + " 的申请表已上报"), submitted);
        String queried = enterprise.search(CLOSURE_LIST + "?list=QUERY&kind=DELETION", "requests-form",
                Map.of("requests-form:number", number, "requests-form:state", "PENDING"));
        assertTrue(queried.contains(">" + number + "</a>"), "删除申请表查询 by number and state");

        // the issuer's queue and decision page
        PortalClient issuer = Fixtures.signedIn("SZFZ", PASSWORD);
        String queue = issuer.get(QUEUE + "?kind=DELETION").body();
        assertTrue(queue.contains(">" + number + "</a>") && queue.contains("待审核"), "the queue opens on pending");
        issuer.get(DECISION + id);
        String approved = issuer.submit(DECISION + id, "decision", Map.of("decision:approve", "")).body();
        assertTrue(approved.contains("许可证 " + number + " 的申请已审核通过"), approved);
        assertTrue(approved.contains("id=\"closure-standing\">已删除"));

        assertEquals("DELETED", CustomsLoad.query("select status from licence where licence_number = ?", number));
        awaitCustoms(number, "CANCELLED");
        assertEquals("CANCEL", CustomsLoad.query("select action from customs_outbox where licence_number = ? "
                + "order by licence_version desc limit 1", number));
        assertEquals("10.00000", CustomsLoad.query("select returned from quota_draw where licence_number = ?", number),
                "the whole quota came back");
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where action = 'CLOSURE_APPROVED' "
                + "and subject_id = ?", "deletion-" + number));
        assertEquals("REFUSED print.licenceEnded", Fixtures.signedIn("SZFZ", PASSWORD)
                .get(OFFICER_PROBE + "op=print&number=" + number).body(), "a deleted licence is not printed");
        assertEquals("已删除", PortalClient.find(enterprise.get(CLOSURE_FORM + "?id=" + id).body(),
                "closure-standing\">([^<]+)<"), "the enterprise sees it deleted");
        // notices (issue 18): the submission to Henan's issuers, the decision to the enterprise, each once
        assertEquals(List.of("SZFY", "SZFZ"), notified("WORK_NEW", "CLOSURE", id),
                "Henan's issuers, not Hubei's, not the reviewers");
        assertEquals(List.of("SZQY"), notified("CLOSURE_DECIDED", "CLOSURE", id), "the enterprise, not another");
        assertEquals("APPROVED\tDELETION\t", CustomsLoad.query("select detail from notification where kind ="
                + " 'CLOSURE_DECIDED' and record_id = ?", id));
        long licence = Long.parseLong(CustomsLoad.query("select id from licence where licence_number = ?", number));
        assertEquals(List.of("SZQY"), notified("CUSTOMS_ACCEPTED", "LICENCE", licence), "customs' receipt, once");
    }

    /** Who got a notice of {@code kind} about the record, one entry per notice. */
    private static List<String> notified(String kind, String type, long id) throws Exception {
        return CustomsLoad.column("select a.username from notification n join account a on a.id = n.account_id"
                + " where n.kind = ? and n.record_type = ? and n.record_id = ? order by a.username", kind, type, id);
    }

    @Test
    @Order(3)
    @RunAsClient
    void refusalsOfEveryKind() throws Exception {
        String number = number(REFUSALS);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        assertEquals("REFUSED licence.numberFormat", probe(enterprise, "op=read&number=ABC"));
        assertEquals("REFUSED closure.licenceUnknown", probe(enterprise, "op=read&number=26HA999999"));
        assertEquals("REFUSED closure.licenceUnknown", probe(Fixtures.signedIn("SZQT", PASSWORD),
                "op=read&number=" + number), "another company's licence is unknown to it");
        assertEquals("REFUSED closure.notUsed", probe(enterprise, "op=read&kind=WRITE_OFF&number=" + number),
                "an unused licence is not written off");
        String saved = probe(enterprise, "op=save&number=" + number);
        assertTrue(saved.startsWith("OK DRAFT"), saved);
        long id = Long.parseLong(saved.split(" ")[2]);
        assertEquals("REFUSED closure.duplicate.DELETION", probe(enterprise, "op=save&number=" + number),
                "one request per licence");
        assertEquals("REFUSED closure.duplicate.DELETION", probe(enterprise, "op=read&number=" + number));
        assertTrue(probe(enterprise, "op=submit&id=" + id).startsWith("OK PENDING"));
        assertEquals("REFUSED closure.notWithEnterprise", probe(enterprise, "op=submit&id=" + id),
                "submitted once");
        assertEquals("REFUSED closure.notWithEnterprise", probe(enterprise, "op=delete&id=" + id));
        assertEquals("REFUSED access.denied", probe(Fixtures.signedIn("SZCS", PASSWORD), "op=approve&id=" + id,
                OFFICER_PROBE), "the initial reviewer does not decide");
        assertEquals("REFUSED closure.notFound", probe(Fixtures.signedIn("SZHB", PASSWORD), "op=approve&id=" + id,
                OFFICER_PROBE), "nor another authority's issuer");
        PortalClient issuer = Fixtures.signedIn("SZFZ", PASSWORD);
        assertEquals("REFUSED closure.opinionRequired", probe(issuer, "op=return&id=" + id, OFFICER_PROBE));
        assertTrue(probe(issuer, "op=return&id=" + id + "&opinion=" + enc("请说明删证原因"), OFFICER_PROBE)
                .startsWith("OK RETURNED"));
        assertEquals("REFUSED closure.notPending", probe(issuer, "op=approve&id=" + id, OFFICER_PROBE));
        // returned: the enterprise changes it, or deletes it
        assertTrue(probe(enterprise, "op=save&id=" + id + "&number=" + number + "&reason=" + enc("合同解除"))
                .startsWith("OK RETURNED"));
        assertEquals("OK DELETED", probe(enterprise, "op=delete&id=" + id));
        assertEquals("ISSUED", CustomsLoad.query("select status from licence where licence_number = ?", number));
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where action = 'ACCESS_DENIED' and "
                + "subject_type = 'closure-request' and actor = 'SZHB'"), "the other authority's try is audited");
    }

    /** Customs reports 3 used of the write-off licence: released, not yet cleared. */
    @Test
    @Order(4)
    void customsReportsUseOfTheWriteOffLicence() throws Exception {
        send(usageXml(licence(WRITE_OFF), "461020260000000017", "3", DeclarationState.RELEASED));
        awaitUsage(licence(WRITE_OFF), "3.00000");
    }

    @Test
    @Order(5)
    @RunAsClient
    void aUsedLicenceIsNotDeletedNorWrittenOffBeforeCustomsClearsIt() throws Exception {
        String number = number(WRITE_OFF);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        assertEquals("REFUSED closure.used", probe(enterprise, "op=read&number=" + number),
                "a used licence is not deleted");
        assertEquals("REFUSED closure.notCleared", probe(enterprise, "op=read&kind=WRITE_OFF&number=" + number));
    }

    /** Customs clears the declaration (核销 at customs): the same figures, state CLEARED. */
    @Test
    @Order(6)
    void customsClearsTheDeclaration() throws Exception {
        send(usageXml(licence(WRITE_OFF), "461020260000000017", "3", DeclarationState.CLEARED));
        for (int i = 0; i < 100 && !"CLEARED".equals(query("select d.state from customs_declaration d join licence l "
                + "on l.id = d.licence_id where l.licence_number = ?", licence(WRITE_OFF))); i++) {
            Thread.sleep(100);
        }
        assertEquals("CLEARED", query("select d.state from customs_declaration d join licence l on l.id = "
                + "d.licence_id where l.licence_number = ?", licence(WRITE_OFF)));
    }

    @Test
    @Order(7)
    @RunAsClient
    void theWriteOffGoesThroughOnceClearedAndGivesBackTheUnusedQuota() throws Exception {
        String number = number(WRITE_OFF);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        assertEquals("OK VALID", probe(enterprise, "op=read&kind=WRITE_OFF&number=" + number));
        assertEquals("REFUSED closure.reasonRequired", probe(enterprise, "op=save&kind=WRITE_OFF&q1=3&number="
                + number));
        assertEquals("REFUSED closure.quantityMismatch", probe(enterprise, "op=save&kind=WRITE_OFF&q1=4&reason="
                + enc("已出口完毕") + "&number=" + number), "the quantities agree with customs' usage");
        assertEquals("REFUSED closure.quantityMissing", probe(enterprise, "op=save&kind=WRITE_OFF&reason="
                + enc("已出口完毕") + "&number=" + number));
        // the page: quantities per line, the refusal at its field, the input kept
        enterprise.get(CLOSURE_FORM + "?kind=WRITE_OFF");
        enterprise.submit(CLOSURE_FORM + "?kind=WRITE_OFF", "closure", Map.of("closure:number", number,
                "closure:read", ""));
        String mismatch = enterprise.submit(CLOSURE_FORM + "?kind=WRITE_OFF", "closure", Map.of("closure:number",
                number, "closure:lines:0:quantity", "2.5", "closure:reason", "已出口完毕", "closure:save", "")).body();
        assertTrue(mismatch.contains("第 1 项商品的核销数量 2.5 与海关报告的使用数量 3 不一致"), mismatch);
        assertTrue(mismatch.contains("已出口完毕"), "the reason stays");
        String saved = enterprise.submit(CLOSURE_FORM + "?kind=WRITE_OFF", "closure", Map.of("closure:number",
                number, "closure:lines:0:quantity", "3", "closure:reason", "已出口完毕", "closure:save", "")).body();
        assertTrue(saved.contains("的申请表已保存"), saved);
        long id = requestId(number);
        String submitted = enterprise.submit(CLOSURE_FORM + "?id=" + id, "closure", Map.of("closure:submit", ""))
                .body();
        assertTrue(submitted.contains("已上报"), submitted);
        PortalClient issuer = Fixtures.signedIn("SZFZ", PASSWORD);
        String queue = issuer.get(QUEUE + "?kind=WRITE_OFF").body();
        assertTrue(queue.contains(">" + number + "</a>"), "in the write-off queue");
        assertTrue(probe(issuer, "op=approve&id=" + id, OFFICER_PROBE).startsWith("OK APPROVED"));
        assertEquals("WRITTEN_OFF", CustomsLoad.query("select status from licence where licence_number = ?", number));
        assertEquals("7.00000", CustomsLoad.query("select returned from quota_draw where licence_number = ?", number),
                "drawn 10, used 3: 7 came back");
        awaitCustoms(number, "CANCELLED");
        assertEquals("REFUSED closure.writtenOff", probe(enterprise, "op=read&kind=WRITE_OFF&number=" + number));
    }

    /** Usage of a written-off licence is refused and applies nothing. */
    @Test
    @Order(8)
    void usageOfAnEndedLicenceGoesToTheDeadLetterQueue() throws Exception {
        byte[] late = usageXml(licence(WRITE_OFF), "461020260000000018", "4", DeclarationState.RELEASED);
        send(late);
        assertEquals("LICENCE_ENDED", deadReason(late));
        assertEquals("3.00000", cumulative(licence(WRITE_OFF)), "nothing of it was applied");
    }

    @Test
    @Order(9)
    @RunAsClient
    void aDeletionIsSubmitted() throws Exception {
        String number = number(RACE);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        long id = Long.parseLong(probe(enterprise, "op=save&number=" + number).split(" ")[2]);
        assertTrue(probe(enterprise, "op=submit&id=" + id).startsWith("OK PENDING"));
    }

    /** Customs reports use of the licence while its deletion waits for the authority. */
    @Test
    @Order(10)
    void usageArrivesForTheWaitingDeletion() throws Exception {
        send(usageXml(licence(RACE), "461020260000000019", "2", DeclarationState.RELEASED));
        awaitUsage(licence(RACE), "2.00000");
    }

    @Test
    @Order(11)
    @RunAsClient
    void theWaitingDeletionIsBlockedWithTheReasonAndTwoIssuersDecideOnce() throws Exception {
        String number = number(RACE);
        long id = requestId(number);
        PortalClient issuer = Fixtures.signedIn("SZFZ", PASSWORD);
        issuer.get(DECISION + id);
        String blocked = issuer.submit(DECISION + id, "decision", Map.of("decision:approve", "")).body();
        assertTrue(blocked.contains("许可证 " + number + " 已在海关使用（报关 1 次，最近报关单 461020260000000019）"),
                blocked);
        assertEquals("PENDING", CustomsLoad.query("select state from closure_request where id = ?", id));
        assertEquals("ISSUED", CustomsLoad.query("select status from licence where licence_number = ?", number));

        // two issuers approve the same request at the same moment, on the version both saw
        String concurrent = number(CONCURRENT);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        long other = Long.parseLong(probe(enterprise, "op=save&number=" + concurrent).split(" ")[2]);
        String version = probe(enterprise, "op=submit&id=" + other).split(" ")[3];
        List<PortalClient> issuers = List.of(Fixtures.signedIn("SZFZ", PASSWORD), Fixtures.signedIn("SZFY", PASSWORD));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> results = new ArrayList<>();
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (PortalClient each : issuers) {
                Callable<String> approve = () -> probe(each, "op=approve&id=" + other + "&version=" + version,
                        OFFICER_PROBE);
                answers.add(pool.submit(approve));
            }
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, results.stream().filter(r -> r.startsWith("OK APPROVED")).count(), results.toString());
        assertEquals(1, results.stream().filter(r -> r.equals("REFUSED closure.concurrentChange")).count(),
                results.toString());
        assertEquals("10.00000", CustomsLoad.query("select returned from quota_draw where licence_number = ?",
                concurrent), "given back once");
        assertEquals(1, CustomsLoad.count("select count(*) from customs_outbox where licence_number = ? and "
                + "action = 'CANCEL'", concurrent), "one cancellation");
    }

    @Test
    @Order(12)
    @RunAsClient
    void aLicencePastItsEndIsNotDeleted() throws Exception {
        validityEnd(number(EXPIRES_LISTED), LocalDate.now(Zones.CHINA).minusDays(3));
        assertEquals("REFUSED closure.expired", probe(Fixtures.signedIn("SZQY", PASSWORD), "op=read&number="
                + number(EXPIRES_LISTED)), "past its end, before the run records it");
    }

    /** The run without the automatic return: the licence expires, its quota waits for the administrator. */
    @Test
    @Order(13)
    void theDailyRunExpiresWithoutGivingBack() throws Exception {
        assertTrue(expiry.expireDue(LocalDate.now(Zones.CHINA)) >= 1);
        assertEquals("EXPIRED", query("select status from licence where licence_number = ?", licence(EXPIRES_LISTED)));
        assertEquals("0.00000", query("select returned from quota_draw where licence_number = ?",
                licence(EXPIRES_LISTED)), "the authority did not say to give it back");
    }

    @Test
    @Order(14)
    @RunAsClient
    void theAdministratorSetsTheAutomaticReturn() throws Exception {
        PortalClient admin = Fixtures.signedIn("SZJG", PASSWORD);
        String page = PortalClient.HTTPS + "/officer/expired-quota.xhtml";
        admin.get(page);
        assertTrue(admin.submit(page, "setting", Map.of("setting:automatic", "true", "setting:saveSetting", ""))
                .body().contains("已设为过期自动退回配额"));
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where action = 'QUOTA_EXPIRY_SETTING' "
                + "and actor = 'SZJG'"));
        // a week of missed runs: the licence ended days ago
        validityEnd(number(EXPIRES_AUTOMATIC), LocalDate.now(Zones.CHINA).minusDays(7));
    }

    /** The run with the automatic return, twice: the licence expires once and its 10 come back once. */
    @Test
    @Order(15)
    void theDailyRunGivesBackOnceAndCatchesUp() throws Exception {
        LocalDate today = LocalDate.now(Zones.CHINA);
        try {
            assertTrue(expiry.expireDue(today) >= 1);
            expiry.expireDue(today);
        } finally {
            update("update cat_issuing_authority set quota_return_on_expiry = false where code = 'PROV-HENAN'");
        }
        assertEquals("EXPIRED", query("select status from licence where licence_number = ?",
                licence(EXPIRES_AUTOMATIC)));
        assertEquals("10.00000", query("select returned from quota_draw where licence_number = ?",
                licence(EXPIRES_AUTOMATIC)), "given back once, however often the run goes");
        assertEquals("1", query("select count(*) from audit_event where action = 'LICENCE_EXPIRED' and subject_id = ?",
                licence(EXPIRES_AUTOMATIC)));
        assertEquals("0.00000", query("select returned from quota_draw where licence_number = ?",
                licence(EXPIRES_LISTED)), "a licence expired earlier is not settled by a later setting");
    }

    @Test
    @Order(16)
    @RunAsClient
    void theAdministratorGivesBackTheListedQuotaAndTheEnterpriseSeesEveryMovement() throws Exception {
        String listed = number(EXPIRES_LISTED);
        PortalClient admin = Fixtures.signedIn("SZJG", PASSWORD);
        String page = PortalClient.HTTPS + "/officer/expired-quota.xhtml";
        String list = admin.search(page, "expired", Map.of("expired:number", listed));
        assertTrue(list.contains(">" + listed + "</a>"), "listed with its unused quota");
        assertTrue(!admin.search(page, "expired", Map.of("expired:number", number(EXPIRES_AUTOMATIC)))
                .contains("expired-returnable"), "what came back is not listed");
        admin.search(page, "expired", Map.of("expired:number", listed));
        String back = admin.submit(page, "expired", Map.of("expired:number", listed,
                "expired:licences:0:giveBack", "")).body();
        assertTrue(back.contains("许可证 " + listed + " 未使用的配额 10 已退回"), back);
        assertEquals("10.00000", CustomsLoad.query("select returned from quota_draw where licence_number = ?", listed));
        assertEquals(403, Fixtures.signedIn("SZFZ", PASSWORD).get(page).statusCode(), "the administrator's page");

        // 配额查询: drawn 80; back 10 (page deletion) + 7 (write-off) + 10 (concurrent) + 10 + 10 (expiry) = 47
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        String quotas = enterprise.get(PortalClient.HTTPS + "/enterprise/quotas.xhtml").body();
        assertEquals("47", PortalClient.find(quotas, "class=\"quota-returned\">([^<]+)<"));
        assertEquals("33", PortalClient.find(quotas, "class=\"quota-used\">([^<]+)<"), "80 drawn less 47 back");
        String movements = enterprise.submit(PortalClient.HTTPS + "/enterprise/quotas.xhtml", "quotas",
                Map.of("quotas:list:0:movements", "")).body();
        List<String> licences = PortalClient.findAll(movements, "class=\"movement-licence\">([^<]+)<");
        assertEquals(LICENCES, licences.size(), "every licence that drew");
        assertTrue(licences.contains(number(WRITE_OFF)));
        assertTrue(!Fixtures.signedIn("SZQT", PASSWORD).get(PortalClient.HTTPS + "/enterprise/quotas.xhtml").body()
                .contains("EL06"), "another company sees none of it");
    }

    /** Customs reports 4 used of the licence that is then changed. */
    @Test
    @Order(17)
    void customsReportsUseOfTheLicenceToChange() throws Exception {
        send(usageXml(licence(CHANGED), "461020260000000020", "4", DeclarationState.RELEASED));
        awaitUsage(licence(CHANGED), "4.00000");
    }

    /**
     * 换证: from the licence's application record a change is made for the unused 6; more is refused;
     * the change request form must be attached; once issued the original is returned (退证), cancelled
     * at customs, and gives back its unused 6 while the new licence draws its 6, in one transaction.
     */
    @Test
    @Order(18)
    @RunAsClient
    void aChangeIsOnlyForTheUnusedPartAndReturnsTheOriginalWhenIssued() throws Exception {
        String original = number(CHANGED);
        PortalClient enterprise = Fixtures.signedIn("SZQY", PASSWORD);
        enterprise.get(FORM + "?id=" + (FIRST + CHANGED));
        var started = enterprise.submit(FORM + "?id=" + (FIRST + CHANGED), "actions", Map.of("actions:change", ""));
        assertTrue(started.body().contains("已为许可证 " + original + " 新建换证申请"), started.body());
        long change = Long.parseLong(started.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
        String draft = started.body();
        assertEquals("6", PortalClient.find(draft, "id=\"form:lines:0:quantity\"[^>]*value=\"([^\"]*)\""),
                "10 licensed, 4 used: 6 to change");
        assertTrue(draft.contains(original + " 换证"), "the remark is filled by the system");
        Map<String, String> form = new HashMap<>(ExportApplicationIT.fields("HT-2026-SZ1", "7", "form:save"));
        form.put("form:remarks", "");
        String beyond = enterprise.submit(FORM + "?id=" + change, "form", form).body();
        assertTrue(beyond.contains("换证申请的数量 7 超过原证 " + original + " 未使用的余量 6"), beyond);
        form.put("form:lines:0:quantity", "6");
        form.put("form:remarks", "价格条款变更");
        String saved = enterprise.submit(FORM + "?id=" + change, "form", form).body();
        assertTrue(saved.contains("申请已保存并加盖企业电子签章"), saved);
        assertEquals(original + " 换证 价格条款变更", CustomsLoad.query("select remarks from export_application "
                + "where id = ?", change), "the remark stays in front, whatever is typed");
        assertTrue(enterprise.submit(FORM + "?id=" + change, "actions", Map.of("actions:submit", "")).body()
                .contains("请先上传许可证更改申请表"), "no submission without the change request form");
        String wrongType = enterprise.submitFile(FORM + "?id=" + change, "change", Map.of("change:upload", ""),
                "change:file_input", "更改申请表.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf").body();
        assertTrue(!wrongType.contains("已上传更改申请表"), "a file that is no scan is refused");
        String uploaded = enterprise.submitFile(FORM + "?id=" + change, "change", Map.of("change:upload", ""),
                "change:file_input", "更改申请表.pdf", "%PDF-1.4\n%xuke change form\n".getBytes(StandardCharsets.UTF_8),
                "application/pdf").body();
        assertTrue(uploaded.contains("已上传更改申请表 更改申请表.pdf"), uploaded);
        String submitted = enterprise.submit(FORM + "?id=" + change, "actions", Map.of("actions:submit", "")).body();
        assertTrue(submitted.contains("待初审"), submitted);
        // a second change of the same licence while this one is under way
        enterprise.get(FORM + "?id=" + (FIRST + CHANGED));
        assertTrue(enterprise.submit(FORM + "?id=" + (FIRST + CHANGED), "actions", Map.of("actions:change", ""))
                .body().contains("已有一份换证申请在办理中"));

        for (String[] step : new String[][] {{"SZCS", "decision:passInitial"}, {"SZFS", "decision:passSecond"},
                {"SZFZ", "decision:issue"}}) {
            PortalClient officer = Fixtures.signedIn(step[0], PASSWORD);
            String record = officer.get(DECIDE + change).body();
            assertTrue(record.contains("id=\"replaces-licence\">" + original), "the officer sees what it changes");
            assertEquals(200, officer.getBytes(PortalClient.HTTPS + "/officer/documents/change-form/" + change)
                    .statusCode(), "and opens the change request form");
            officer.submit(DECIDE + change, "decision", Map.of(step[1], ""));
        }
        String replacement = CustomsLoad.query("select licence_number from licence where application_id = ?", change);
        assertEquals("RETURNED", CustomsLoad.query("select status from licence where licence_number = ?", original));
        assertEquals("6.00000", CustomsLoad.query("select returned from quota_draw where licence_number = ?", original),
                "the original gives back what it did not use");
        assertEquals("6.00000", CustomsLoad.query("select quantity from quota_draw where licence_number = ?",
                replacement), "the new licence draws its own");
        awaitCustoms(original, "CANCELLED");
        awaitCustoms(replacement, "STORED");
        assertTrue(CustomsLoad.query("select content from licence where licence_number = ?", replacement)
                .contains(original + " 换证"), "the new licence's sealed content names the original");
        assertEquals("REFUSED closure.returned", probe(enterprise, "op=read&number=" + original));
        assertEquals(404, Fixtures.signedIn("SZQT", PASSWORD).getBytes(PortalClient.HTTPS
                + "/enterprise/documents/change-form/" + change).statusCode(), "another company cannot open the form");
    }

    // ---- helpers ----

    private static String probe(PortalClient client, String query) throws Exception {
        return probe(client, query, ENTERPRISE_PROBE);
    }

    private static String probe(PortalClient client, String query, String probe) throws Exception {
        return client.get(probe + query).body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The licence issued from copy {@code i}, read from the client side. */
    private static String number(int i) throws Exception {
        return CustomsLoad.query("select licence_number from licence where application_id = ?", FIRST + i);
    }

    /** The same, read in the server. */
    private String licence(int i) throws Exception {
        return query("select licence_number from licence where application_id = ?::bigint", String.valueOf(FIRST + i));
    }

    private static void validityEnd(String number, LocalDate end) throws Exception {
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "update licence set validity_end = ? where licence_number = ?")) {
            s.setObject(1, end);
            s.setString(2, number);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static long requestId(String number) throws Exception {
        return Long.parseLong(CustomsLoad.query("select id from closure_request where licence_number = ?", number));
    }

    private static void awaitCustoms(String number, String status) throws Exception {
        for (int i = 0; i < 100 && !status.equals(CustomsLoad.query(
                "select status from customs_licence where licence_number = ?", number)); i++) {
            Thread.sleep(100);
        }
        assertEquals(status, CustomsLoad.query("select status from customs_licence where licence_number = ?", number));
    }

    private static byte[] usageXml(String number, String declaration, String cumulative, DeclarationState state) {
        return CustomsXml.write(new Usage(UUID.randomUUID(), DeploymentName.id(), declaration, number, "0901",
                LocalDate.now(Zones.CHINA), state, List.of(new UsageLine(1, new BigDecimal(cumulative),
                        new BigDecimal(cumulative)))));
    }


    private void send(byte[] body) {
        CustomsQueues.send(connectionFactory, usage, body);
    }

    private String deadReason(byte[] body) throws Exception {
        return CustomsQueues.deadReason(connectionFactory, deadLetter, body);
    }

    private void awaitUsage(String number, String cumulative) throws Exception {
        for (int i = 0; i < 100 && !cumulative.equals(cumulative(number)); i++) {
            Thread.sleep(100);
        }
        assertEquals(cumulative, cumulative(number));
    }

    private String cumulative(String number) throws Exception {
        return query("select coalesce(max(u.cumulative_quantity)::text, 'none') from customs_line_usage u "
                + "join licence l on l.id = u.licence_id where l.licence_number = ?", number);
    }


    private String query(String sql, String parameter) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), sql + " finds nothing for " + parameter);
                return row.getString(1);
            }
        }
    }

    private void update(String sql) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
