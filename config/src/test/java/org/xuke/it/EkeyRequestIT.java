package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestState;
import org.xuke.identity.ekey.EkeyRequestType;
import org.xuke.identity.ekey.ScanKind;
import org.xuke.platform.DomainRuleException;

/**
 * The e-key processes of seed 004 end to end: a first application opened on the public page,
 * scans uploaded (fake and oversize ones refused), refused by the authority with an opinion,
 * corrected, passed by the authority and the provider, the e-key collected once and used to sign
 * in; the other authority sees nothing of it; two officers deciding at once; the limit of three
 * keys; unlock and revocation carried out when the provider passes them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EkeyRequestIT {

    private static final String PASSWORD = "Xk-2026-ekey-flow-7";
    private static final String USCC = "91210102MA0XUKE04B";
    private static final String PAGE = PortalClient.HTTPS + "/public/ekey.xhtml";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D',
        'R'};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(EkeyRequestIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    EkeyRequestService requests;

    /** Authority administrators of two provinces and one e-key provider, each with an e-key. */
    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(EkeyRequestIT.class);
    }

    @People
    void checkers() throws Exception {
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "LNHEYAN", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "LNHEYANB", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "GDHEYAN", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.provider(accounts, certificates, "FUWU", PASSWORD);
    }

    private static PortalClient officer(String username) throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey(username), Fixtures.EKEY_PASSWORD);
        browser.login(username, PASSWORD);
        return browser;
    }

    private static String uploadScan(PortalClient applicant, ScanKind kind, String name, byte[] content)
            throws Exception {
        return applicant.submitFile(PAGE, "scans", Map.of("scans:kind_input", kind.name(), "scans:upload", ""),
                "scans:file_input", name, content, "image/png").body();
    }

    /** Opens the request page again as the applicant would, with number and access code. */
    private static PortalClient applicant() throws Exception {
        PortalClient applicant = PortalClient.withoutEkey();
        applicant.get(PAGE);
        String page = applicant.submit(PAGE, "track", Map.of("track:number", read("number"), "track:code",
                read("code"), "track:submit", "")).body();
        assertTrue(page.contains("request-number"), page);
        return applicant;
    }

    /** The page must say something; on failure the message shows what it said instead. */
    private static void says(String page, String text, String why) {
        assertTrue(page.contains(text), () -> why + ": no \"" + text + "\" in\n" + visible(page));
    }

    private static String visible(String page) {
        int body = page.indexOf("xuke-content");
        return (body < 0 ? page : page.substring(body)).replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private static String read(String name) throws Exception {
        return Files.readString(Fixtures.DIR.resolve("ekey-flow." + name));
    }

    private static void write(String name, String value) throws Exception {
        Files.createDirectories(Fixtures.DIR);
        Files.writeString(Fixtures.DIR.resolve("ekey-flow." + name), value);
    }

    @Test
    @Order(2)
    @RunAsClient
    void aFirstApplicationIsOpenedAndItsScansAreCheckedByContent() throws Exception {
        PortalClient applicant = PortalClient.withoutEkey();
        applicant.get(PAGE);
        Map<String, String> form = new HashMap<>(Map.of("apply:type_input", "FIRST_APPLICATION",
                "apply:uscc", "91210102MA0XUKE04C", "apply:username", "LIANG", "apply:applicantName", "梁经办",
                "apply:applicantPhone", "024-88886666", "apply:authority_input", "PROV-LIAONING",
                "apply:enterpriseName", "辽宁电子钥匙测试有限公司", "apply:submit", ""));
        String refused = applicant.submit(PAGE, "apply", form).body();
        assertTrue(refused.contains("校验位错误"), "a bad check character is refused");

        form.put("apply:uscc", USCC);
        applicant.get(PAGE);
        String opened = applicant.submit(PAGE, "apply", form).body();
        String number = PortalClient.find(opened, "id=\"issued-number\">(EK\\d{10})<");
        String code = PortalClient.find(opened, "id=\"issued-access\">([A-Za-z0-9]{16})<");
        write("number", number);
        write("code", code);
        assertTrue(opened.contains("待提交"), "a new request waits for its papers");

        for (String button : new String[] {"forms:application", "forms:sealLetter"}) {
            HttpResponse<byte[]> pdf = applicant.submitForBytes(PAGE, "forms", Map.of(button, ""));
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0], button);
            assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-") && pdf.body().length > 5000,
                    "the generated form is a PDF: " + button);
        }
        String fake = uploadScan(applicant, ScanKind.APPLICATION_FORM, "form.png",
                "not a picture".getBytes(StandardCharsets.UTF_8));
        says(fake, "不是 JPEG、PNG 图片或 PDF", "a text file named .png is refused");
        byte[] big = Arrays.copyOf(PNG, 1024 * 1024 + 10);
        String oversize = uploadScan(applicant, ScanKind.APPLICATION_FORM, "form.png", big);
        says(oversize, "每个文件必须小于 1 MB", "a scan of 1 MB or more is refused");
        String early = applicant.submit(PAGE, "actions", Map.of("actions:submit", "")).body();
        says(early, "还缺少以下材料", "submitting without the papers is refused");

        for (ScanKind kind : EkeyRequestType.FIRST_APPLICATION.requiredScans()) {
            String page = uploadScan(applicant, kind, kind.name().toLowerCase() + ".png", PNG);
            says(page, "已上传", kind.name());
        }
        String submitted = applicant.submit(PAGE, "actions", Map.of("actions:submit", "")).body();
        says(submitted, "待核验", "submitted");

        PortalClient stranger = PortalClient.withoutEkey();
        stranger.get(PAGE);
        String wrong = stranger.submit(PAGE, "track", Map.of("track:number", number, "track:code", "WrongCode2345678",
                "track:submit", "")).body();
        says(wrong, "找不到该申请，或申请编号与查询码不符", "a wrong access code opens nothing");
    }

    @Test
    @Order(3)
    @RunAsClient
    void theAuthorityRefusesWithAnOpinionAndTheOtherProvinceSeesNothing() throws Exception {
        PortalClient liaoning = officer("LNHEYAN");
        String queue = liaoning.get(PortalClient.HTTPS + "/officer/ekey-requests.xhtml").body();
        says(queue, read("number"), "the authority's list shows the request");
        String id = PortalClient.find(queue, "ekey-request.xhtml\\?id=(\\d+)\"[^>]*>" + read("number"));
        write("id", id);
        String url = PortalClient.HTTPS + "/officer/ekey-request.xhtml?id=" + id;

        PortalClient guangdong = officer("GDHEYAN");
        assertEquals(404, guangdong.get(url).statusCode(), "another authority's request reads as missing");
        assertFalse(guangdong.get(PortalClient.HTTPS + "/officer/ekey-requests.xhtml").body().contains(read("number")));
        assertEquals(404, guangdong.getBytes(PortalClient.HTTPS + "/officer/ekey-scan?request=" + id
                + "&kind=APPLICATION_FORM").statusCode(), "nor its scans");

        HttpResponse<byte[]> scan = liaoning.getBytes(PortalClient.HTTPS + "/officer/ekey-scan?request=" + id
                + "&kind=APPLICATION_FORM");
        assertEquals(200, scan.statusCode());
        assertTrue(Arrays.equals(PNG, scan.body()), "the officer reads the scan as uploaded");
        assertEquals("nosniff", scan.headers().firstValue("X-Content-Type-Options").orElse(""));

        liaoning.get(url);
        String noOpinion = liaoning.submit(url, "decision", Map.of("decision:failPrecheck", "")).body();
        says(noOpinion, "不通过时必须填写意见", "a refusal needs an opinion");
        liaoning.get(url);
        String failed = liaoning.submit(url, "decision", Map.of("decision:opinion", "营业执照扫描件不清晰，请重新上传",
                "decision:failPrecheck", "")).body();
        says(failed, "核验未通过", "refused");
    }

    @Test
    @Order(4)
    @RunAsClient
    void theApplicantSeesTheOpinionCorrectsAndResubmits() throws Exception {
        PortalClient applicant = applicant();
        says(applicant.lastPage(), "营业执照扫描件不清晰，请重新上传", "the opinion is shown");
        String replaced = uploadScan(applicant, ScanKind.BUSINESS_LICENCE, "licence-clear.png", PNG);
        says(replaced, "licence-clear.png", "the new scan is listed");
        assertFalse(replaced.contains("business_licence.png"), "in place of the old one");
        String resubmitted = applicant.submit(PAGE, "actions", Map.of("actions:submit", "")).body();
        says(resubmitted, "待核验", "resubmitted");
    }

    @Test
    @Order(5)
    @RunAsClient
    void twoOfficersDecideAtOnceAndOneWins() throws Exception {
        String url = PortalClient.HTTPS + "/officer/ekey-request.xhtml?id=" + read("id");
        PortalClient first = officer("LNHEYAN");
        PortalClient second = officer("LNHEYANB");
        first.get(url);
        second.get(url);
        String won = first.submit(url, "decision", Map.of("decision:passPrecheck", "")).body();
        says(won, "核验通过，待复核", "the first decision is taken");
        String lost = second.submit(url, "decision", Map.of("decision:opinion", "材料不全",
                "decision:failPrecheck", "")).body();
        says(lost, "已被他人处理", "the later decision is refused, nothing overwritten");
        assertTrue(second.get(url).body().contains("核验通过，待复核"));
    }

    @Test
    @Order(6)
    @RunAsClient
    void theProviderPassesAndTheApplicantCollectsTheKeyOnceAndSignsInWithIt() throws Exception {
        String url = PortalClient.HTTPS + "/officer/ekey-request.xhtml?id=" + read("id");
        PortalClient authority = officer("LNHEYAN");
        assertFalse(authority.get(url).body().contains("decision:passProvider"), "the authority cannot do 复核");
        PortalClient provider = officer("FUWU");
        assertTrue(provider.get(PortalClient.HTTPS + "/officer/ekey-requests.xhtml").body().contains(read("number")),
                "the provider's list shows requests the authority passed");
        provider.get(url);
        String passed = provider.submit(url, "decision", Map.of("decision:passProvider", "")).body();
        says(passed, "复核通过", "the provider passes");

        PortalClient applicant = applicant();
        String empty = applicant.submit(PAGE, "collect", Map.of("collect:password", "",
                "collect:confirm", "", "collect:make", "")).body();
        says(empty, "文件保护密码：必填项", "a missing password is said at its field");
        String mismatch = applicant.submit(PAGE, "collect", Map.of("collect:password", "Holder-key-1",
                "collect:confirm", "Holder-key-2", "collect:make", "")).body();
        says(mismatch, "两次输入的密码不一致", "mismatched passwords");
        String made = applicant.submit(PAGE, "collect", Map.of("collect:password", "Holder-key-1",
                "collect:confirm", "Holder-key-1", "collect:make", "")).body();
        String oneTime = PortalClient.find(made, "id=\"one-time\">([A-Za-z0-9]{16})<");
        HttpResponse<byte[]> file = applicant.submitForBytes(PAGE, "download", Map.of("download:download", ""));
        assertEquals("application/x-pkcs12", file.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        KeyStore key = KeyStore.getInstance("PKCS12");
        key.load(new ByteArrayInputStream(file.body()), "Holder-key-1".toCharArray());
        X509Certificate certificate = (X509Certificate) key.getCertificate(key.aliases().nextElement());
        String subject = certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                Map.of("2.5.4.5", "SERIALNUMBER"));
        assertTrue(subject.contains("CN=LIANG") && subject.contains("SERIALNUMBER=" + USCC), subject);

        PortalClient again = applicant();
        assertFalse(again.lastPage().contains("collect:make"), "the e-key is offered once");
        assertTrue(again.lastPage().contains("电子钥匙下载时间"));

        Files.write(Fixtures.DIR.resolve("LIANG.p12"), file.body());
        PortalClient holder = PortalClient.withEkey(Fixtures.DIR.resolve("LIANG.p12"), "Holder-key-1".toCharArray());
        HttpResponse<String> landed = holder.login("LIANG", oneTime);
        assertTrue(landed.uri().getPath().endsWith("/account/password.xhtml"),
                "the new holder signs in with his e-key and must choose his password: " + landed.uri());
    }

    /** Refusals that need no officer: made inside the server through the service. */
    @Test
    @Order(7)
    void theServiceRefusesWhatSeed004Forbids() {
        assertFalse(enterprises.findByUscc(org.xuke.enterprise.UnifiedSocialCreditCode.parse(USCC)).orElseThrow()
                .isProvisional(), "the company filed by the first application is real once both checks passed");
        var first = new EkeyRequestService.Application(EkeyRequestType.FIRST_APPLICATION, USCC, "LIANGB", "梁经办",
                "024-88886666", null, null, "PROV-LIAONING", new EnterpriseDetails("x", null, null, null, null, null));
        assertEquals("ekey.notFirst", assertThrows(DomainRuleException.class, () -> requests.open(first, "it")).key());
        var other = new EkeyRequestService.Application(EkeyRequestType.FIRST_APPLICATION, "91210102MA0XUKE07L",
                "DIYI", "第一经办", "024-12345678", null, null, "PROV-LIAONING",
                new EnterpriseDetails("辽宁首次申领测试公司", null, null, null, null, null));
        requests.open(other, "it");
        var secondFirst = new EkeyRequestService.Application(EkeyRequestType.FIRST_APPLICATION, "91210102MA0XUKE07L",
                "DIER", "第二经办", "024-12345678", null, null, "PROV-LIAONING",
                new EnterpriseDetails("辽宁首次申领测试公司", null, null, null, null, null));
        // a draft holds up nobody (EkeyAbuseIT: only one first application is before the staff at a time)
        var secondOpened = requests.open(secondFirst, "it");
        assertEquals(EkeyRequestState.DRAFT, requests.track(secondOpened.number(),
                new String(secondOpened.accessCode()), "it").request().getState());
        var taken = new EkeyRequestService.Application(EkeyRequestType.ADDITIONAL, USCC, "LIANG", "梁经办",
                "024-88886666", "业务增加", null, null, null);
        assertEquals("account.taken", assertThrows(DomainRuleException.class, () -> requests.open(taken, "it")).key());
        var stranger = new EkeyRequestService.Application(EkeyRequestType.UNLOCK, USCC, "LNHEYAN", "梁经办",
                "024-88886666", null, null, null, null);
        assertEquals("ekey.noHolder", assertThrows(DomainRuleException.class, () -> requests.open(stranger, "it"))
                .key());
        var noReason = new EkeyRequestService.Application(EkeyRequestType.REVOCATION, USCC, "LIANG", "梁经办",
                "024-88886666", " ", null, null, null);
        assertEquals("ekey.reasonRequired", assertThrows(DomainRuleException.class,
                () -> requests.open(noReason, "it")).key());

        // two more keys reach the limit of three; a fourth additional key is refused at once
        long enterprise = enterprises.findByUscc(org.xuke.enterprise.UnifiedSocialCreditCode.parse(USCC)).orElseThrow()
                .getId();
        for (String user : new String[] {"LIANGC", "LIANGD"}) {
            accounts.createEnterpriseUser("IT", user, user, enterprise, null, org.xuke.account.DataScope.SELF,
                    Set.of(Role.ENTERPRISE_OPERATOR));
            certificates.issue("IT", user, "holder-pass-1".toCharArray());
        }
        var fourth = new EkeyRequestService.Application(EkeyRequestType.ADDITIONAL, USCC, "LIANGE", "梁经办",
                "024-88886666", "业务增加", null, null, null);
        assertEquals("certificate.limit", assertThrows(DomainRuleException.class, () -> requests.open(fourth, "it"))
                .key());

        // an unlock request, with its one paper, submitted for the officers below
        accounts.find("LIANGC").orElseThrow();
        var unlock = requests.open(new EkeyRequestService.Application(EkeyRequestType.UNLOCK, USCC, "LIANGC", "梁经办",
                "024-88886666", null, null, null, null), "it");
        var again = new EkeyRequestService.Application(EkeyRequestType.REVOCATION, USCC, "LIANGC", "梁经办",
                "024-88886666", "不再使用", null, null, null);
        requests.open(again, "it"); // a revocation is never held up, and the unlock is only a draft
        String code = new String(unlock.accessCode());
        requests.upload(unlock.number(), code, ScanKind.APPLICATION_FORM, "form.pdf",
                "%PDF-1.4 stamped form".getBytes(StandardCharsets.US_ASCII), "it");
        assertEquals(EkeyRequestState.SUBMITTED, requests.submit(unlock.number(), code, "it").request().getState());
        var revocation = requests.open(new EkeyRequestService.Application(EkeyRequestType.REVOCATION, USCC, "LIANGD",
                "梁经办", "024-88886666", "电子钥匙损坏，不再使用", null, null, null), "it");
        String revocationCode = new String(revocation.accessCode());
        requests.upload(revocation.number(), revocationCode, ScanKind.APPLICATION_FORM, "form.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1}, "it");
        requests.submit(revocation.number(), revocationCode, "it");
        assertThrows(DomainRuleException.class, () -> requests.upload(revocation.number(), revocationCode,
                ScanKind.APPLICATION_FORM, "form.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "it"),
                "no uploads once submitted");
        // LIANGC is locked out by five wrong passwords
        for (int i = 0; i < 5; i++) {
            accounts.login("LIANGC", "wrong-password-1".toCharArray(), "it");
        }
        assertTrue(accounts.find("LIANGC").orElseThrow().isLocked(java.time.Instant.now()));
    }

    @Test
    @Order(8)
    @RunAsClient
    void unlockAndRevocationTakeEffectWhenTheProviderPasses() throws Exception {
        PortalClient authority = officer("LNHEYAN");
        PortalClient provider = officer("FUWU");
        for (String user : new String[] {"LIANGC", "LIANGD"}) {
            authority.get(PortalClient.HTTPS + "/officer/ekey-requests.xhtml");
            String queue = authority.submit(PortalClient.HTTPS + "/officer/ekey-requests.xhtml", "queue",
                    Map.of("queue:state_input", "SUBMITTED", "queue:search", user, "queue:find", "")).body();
            String id = PortalClient.find(queue, "ekey-request.xhtml\\?id=(\\d+)\"");
            String url = PortalClient.HTTPS + "/officer/ekey-request.xhtml?id=" + id;
            authority.get(url);
            assertTrue(authority.submit(url, "decision", Map.of("decision:passPrecheck", "")).body()
                    .contains("核验通过，待复核"));
            provider.get(url);
            assertTrue(provider.submit(url, "decision", Map.of("decision:passProvider", "")).body().contains("复核通过"));
            write(user, id);
        }
    }

    @Test
    @Order(9)
    void theUnlockedAccountMayTryAgainAndTheRevokedKeyIsGone() {
        assertFalse(accounts.find("LIANGC").orElseThrow().isLocked(java.time.Instant.now()), "unlocked");
        var serial = certificates.loginSerialOf("LIANGD");
        assertNotNull(serial);
        assertEquals(2, certificates.validLoginCount(accounts.find("LIANGD").orElseThrow().getEnterpriseId()),
                "the revoked key no longer counts towards the three");
    }

    /** Notices (issue 18): the checkers told of each request that waits for them, the enterprise of each decision. */
    @Test
    @Order(10)
    @RunAsClient
    void eachStepIsToldToThoseWhoCheckOrFiledItOnce() throws Exception {
        long first = Long.parseLong(read("id"));
        String whoGot = "select a.username from notification n join account a on a.id = n.account_id"
                + " where n.kind = ? and n.record_type = 'EKEY_REQUEST' and n.record_id = ? order by a.username";
        List<String> told = CustomsLoad.column(whoGot, "WORK_NEW", first);
        // submitted twice (refused once in between): Liaoning's authority administrators each time; the provider once
        assertEquals(2, told.stream().filter("LNHEYAN"::equals).count(), told.toString());
        assertEquals(2, told.stream().filter("LNHEYANB"::equals).count(), told.toString());
        assertEquals(1, told.stream().filter("FUWU"::equals).count(), told.toString());
        assertFalse(told.contains("GDHEYAN"), "not another province's");
        for (String username : told) {
            assertEquals(1, CustomsLoad.count("select count(*) from account a join account_role r on r.account_id ="
                    + " a.id where a.username = ? and (r.role = 'EKEY_PROVIDER' or r.role = 'AUTHORITY_ADMIN'"
                    + " and a.authority_code = 'PROV-LIAONING')", username), username + " checks such requests");
        }
        long unlock = Long.parseLong(read("LIANGC"));
        List<String> decided = CustomsLoad.column(whoGot, "EKEY_DECIDED", unlock);
        assertEquals(2, decided.stream().filter("LIANGC"::equals).count(), "the key's user: checked, then done");
        assertEquals(List.of("PASS_PRECHECK\t", "PASS_PROVIDER_CHECK\t"), CustomsLoad.column("select n.detail from"
                + " notification n join account a on a.id = n.account_id where a.username = 'LIANGC' and n.kind ="
                + " 'EKEY_DECIDED' and n.record_id = ? order by n.id", unlock));
        for (String username : decided) {
            assertEquals(CustomsLoad.query("select enterprise_id::text from ekey_request where id = ?", unlock),
                    CustomsLoad.query("select enterprise_id::text from account where username = ?", username),
                    "only the enterprise's own users");
        }
    }
}
