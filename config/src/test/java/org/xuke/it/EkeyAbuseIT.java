package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
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
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.identity.CertificateService;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestService.Application;
import org.xuke.identity.ekey.EkeyRequestService.Opened;
import org.xuke.identity.ekey.EkeyRequestState;
import org.xuke.identity.ekey.EkeyRequestType;
import org.xuke.identity.ekey.ScanKind;
import org.xuke.platform.DomainRuleException;

/**
 * What an anonymous e-key requester could do to a company (issue 23, finding 2): a draft holds
 * up nobody and expires, a revocation is never held up, nothing on record about an existing
 * company reaches the requester, a 13-digit code belongs to one real enterprise, and a company
 * filed by a first application that never passes stays provisional, its details replaced by
 * the next first applicant's.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EkeyAbuseIT {

    private static final String USCC = "91210102MA0XUKA30B";
    private static final String CODE = "2101020000300";
    private static final String NEW_USCC = "91210102MA0XUKA31E";
    private static final String PASSWORD = "Xk-2026-ekey-abuse-3";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(EkeyAbuseIT.class);
    }

    @Inject
    EkeyRequestService requests;

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(EkeyAbuseIT.class);
    }

    @People
    void aCompanyWithAKeyHolder() throws Exception {
        long company = enterprises.register("IT", USCC, "PROV-LIAONING", new EnterpriseDetails("辽宁滥用测试真实公司",
                CODE, "沈阳市和平区滥用路 1 号", "真联系人", "024-55550001", "LN-BA-0300")).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "ABUSEA", PASSWORD, true);
    }

    private static Application request(EkeyRequestType type, String uscc, String username, String reason,
            EnterpriseDetails company) {
        return new Application(type, uscc, username, "某经办", "024-12345678", reason, null,
                company == null ? null : "PROV-LIAONING", company);
    }

    /** Uploads every paper the type needs and submits. */
    private EkeyRequestState submitted(Opened opened, EkeyRequestType type) {
        String code = new String(opened.accessCode());
        for (ScanKind kind : type.requiredScans()) {
            requests.upload(opened.number(), code, kind, kind + ".pdf",
                    "%PDF-1.4 scan".getBytes(StandardCharsets.US_ASCII), "it");
        }
        return requests.submit(opened.number(), code, "it").request().getState();
    }

    private static Opened attackerDraft;
    private static Opened provisionalFirst;

    @Test
    @Order(1)
    void aDraftHoldsUpNobodyAndARevocationIsNeverHeldUp() {
        attackerDraft = requests.open(request(EkeyRequestType.UNLOCK, USCC, "ABUSEA", null, null), "attacker");
        Opened genuine = requests.open(request(EkeyRequestType.REISSUE, USCC, "ABUSEA", "电子钥匙丢失", null), "it");
        assertEquals(EkeyRequestState.SUBMITTED, submitted(genuine, EkeyRequestType.REISSUE),
                "the holder's own request goes ahead past somebody's draft");
        assertEquals("ekey.openRequest", assertThrows(DomainRuleException.class,
                () -> submitted(attackerDraft, EkeyRequestType.UNLOCK)).key(),
                "only one request of a user before the staff at a time");
        Opened revocation = requests.open(request(EkeyRequestType.REVOCATION, USCC, "ABUSEA", "钥匙被盗", null), "it");
        assertEquals(EkeyRequestState.SUBMITTED, submitted(revocation, EkeyRequestType.REVOCATION),
                "a stolen key's revocation is never held up, not even by a request before the staff");
    }

    @Test
    @Order(2)
    void theRequesterSeesNothingOnRecordAboutTheCompany() throws Exception {
        String code = new String(attackerDraft.accessCode());
        var view = requests.track(attackerDraft.number(), code, "attacker");
        assertNull(view.enterprise(), "the applicant's view carries no enterprise record");
        assertNull(view.enterpriseName(), "he typed no name");
        assertEquals(USCC, view.uscc(), "the code he typed");
        for (EkeyRequestService.Form form : EkeyRequestService.Form.values()) {
            try (PDDocument pdf = Loader.loadPDF(requests.form(attackerDraft.number(), code, form, "attacker"))) {
                String text = new PDFTextStripper().getText(pdf);
                assertTrue(text.contains(USCC) && text.contains("ABUSEA"), text);
                for (String secret : new String[] {"辽宁滥用测试真实公司", CODE, "滥用路", "真联系人", "024-55550001",
                        "LN-BA-0300"}) {
                    assertFalse(text.contains(secret), form + " shows " + secret + ":\n" + text);
                }
            }
        }
    }

    @Test
    @Order(3)
    void draftsAndReturnedRequestsExpire() {
        Instant now = Instant.now();
        requests.expireStale(now.plus(Duration.ofDays(1)));
        assertEquals(EkeyRequestState.DRAFT, stateOf(attackerDraft), "a day-old draft stays");
        assertTrue(requests.expireStale(now.plus(Duration.ofDays(8))) >= 1);
        assertEquals(EkeyRequestState.WITHDRAWN, stateOf(attackerDraft), "withdrawn after a week");
    }

    private EkeyRequestState stateOf(Opened opened) {
        return requests.track(opened.number(), new String(opened.accessCode()), "it").request().getState();
    }

    @Test
    @Order(4)
    void aThirteenDigitCodeBelongsToOneRealEnterprise() {
        var claim = request(EkeyRequestType.FIRST_APPLICATION, NEW_USCC, "ABUSEB", null,
                new EnterpriseDetails("冒用代码公司", CODE, null, null, null, null));
        assertEquals("enterprise.codeTaken", assertThrows(DomainRuleException.class,
                () -> requests.open(claim, "attacker")).key());
        assertTrue(enterprises.findByUscc(UnifiedSocialCreditCode.parse(NEW_USCC)).isEmpty(), "nothing filed");
    }

    @Test
    @Order(5)
    void aFirstApplicationThatNeverPassesLeavesOnlyAProvisionalRecordTheNextApplicantCorrects() {
        provisionalFirst = requests.open(new Application(EkeyRequestType.FIRST_APPLICATION, NEW_USCC, "ABUSEC", "冒名者",
                "024-00000000", null, null, "PROV-GUANGDONG", new EnterpriseDetails("冒名顶替公司", null, "假地址", null,
                        null, null)), "attacker");
        Enterprise filed = enterprises.findByUscc(UnifiedSocialCreditCode.parse(NEW_USCC)).orElseThrow();
        assertTrue(filed.isProvisional());
        assertFalse(enterprises.idsMatching("冒名顶替公司").contains(filed.getId()), "not searched as a real enterprise");
        requests.withdraw(provisionalFirst.number(), new String(provisionalFirst.accessCode()), "attacker");

        Opened genuine = requests.open(request(EkeyRequestType.FIRST_APPLICATION, NEW_USCC, "ABUSED", null,
                new EnterpriseDetails("辽宁真实首次申领公司", "2101020000301", "沈阳市真实路 2 号", "真经理",
                        "024-55550002", null)), "it");
        assertEquals("冒名顶替公司", enterprises.findByUscc(UnifiedSocialCreditCode.parse(NEW_USCC)).orElseThrow()
                .getName(), "a draft changes nothing on record");
        assertEquals(EkeyRequestState.SUBMITTED, submitted(genuine, EkeyRequestType.FIRST_APPLICATION));
        Enterprise corrected = enterprises.findByUscc(UnifiedSocialCreditCode.parse(NEW_USCC)).orElseThrow();
        assertEquals("辽宁真实首次申领公司", corrected.getName(), "submitted: the officers review his details");
        assertEquals("沈阳市真实路 2 号", corrected.getAddress());
        assertEquals("PROV-LIAONING", corrected.getAuthorityCode(), "and the authority he chose, not the other's");
        assertTrue(corrected.isProvisional(), "still provisional until both checks pass");
        assertEquals("冒名顶替公司", requests.track(provisionalFirst.number(),
                new String(provisionalFirst.accessCode()), "attacker").enterpriseName(),
                "the withdrawn applicant sees only what he typed himself");

        var third = request(EkeyRequestType.FIRST_APPLICATION, NEW_USCC, "ABUSEE", null,
                new EnterpriseDetails("又一家", null, null, null, null, null));
        assertEquals("ekey.firstOpen", assertThrows(DomainRuleException.class, () -> requests.open(third, "x")).key(),
                "while one first application is before the staff, no other is opened");
    }

    @Test
    @Order(6)
    void theAccountsOfTheRealCompanyAreUntouched() {
        assertTrue(accounts.find("ABUSEA").orElseThrow().hasRole(Role.ENTERPRISE_OPERATOR));
        assertFalse(enterprises.findByUscc(UnifiedSocialCreditCode.parse(USCC)).orElseThrow().isProvisional());
        assertTrue(Set.of(EkeyRequestState.WITHDRAWN).contains(stateOf(provisionalFirst)));
    }
}
