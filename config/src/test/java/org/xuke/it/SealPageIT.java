package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
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
import org.xuke.identity.CanonicalJson;
import org.xuke.identity.CertificateService;

/**
 * The public seal verification page: a document sealed by the service verifies and names its
 * signer; the same seal over a document changed by one character does not.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealPageIT {

    private static final String PAGE = PortalClient.HTTPS + "/public/seal.xhtml";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(SealPageIT.class);
    }

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(SealPageIT.class);
    }

    @People
    void aSealedDocument() throws Exception {
        long company = enterprises.register("IT", "91210102MA0XUKE05E", "PROV-LIAONING",
                new EnterpriseDetails("辽宁签章验证测试公司", null, null, null, null, null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "QIANZH", "Xk-2026-seal-page-5", true);
        byte[] document = CanonicalJson.bytes(Map.of("申请编号", "2026-210000-000123", "数量", "12.5", "商品", "仲钨酸铵"));
        Files.write(Fixtures.DIR.resolve("sealed.json"), document);
        Files.write(Fixtures.DIR.resolve("sealed.p7s"), certificates.sealAs("QIANZH", document));
    }

    private static String check(byte[] document) throws Exception {
        PortalClient browser = PortalClient.withoutEkey();
        browser.get(PAGE);
        return browser.submitFiles(PAGE, "seal", Map.of("seal:check", ""), Map.of(
                "seal:document_input", new PortalClient.Upload("application.json", document, "application/json"),
                "seal:signature_input", new PortalClient.Upload("application.p7s",
                        Files.readAllBytes(Fixtures.DIR.resolve("sealed.p7s")), "application/pkcs7-signature")))
                .body();
    }

    @Test
    @Order(2)
    @RunAsClient
    void theSealVerifiesAndNamesItsSigner() throws Exception {
        String page = check(Files.readAllBytes(Fixtures.DIR.resolve("sealed.json")));
        assertTrue(page.contains("签章有效") && page.contains("QIANZH"), page);
        assertTrue(page.contains("SM2"),
                "the algorithm is shown");
    }

    @Test
    @Order(3)
    @RunAsClient
    void oneChangedCharacterBreaksIt() throws Exception {
        String json = Files.readString(Fixtures.DIR.resolve("sealed.json"), StandardCharsets.UTF_8);
        String page = check(json.replace("12.5", "92.5").getBytes(StandardCharsets.UTF_8));
        assertTrue(page.contains("签章与文件内容不符"), page);
        assertFalse(page.contains("签章有效"));
    }

    @Test
    @Order(3)
    @RunAsClient
    void checkingWithoutFilesSaysWhichIsMissing() throws Exception {
        PortalClient browser = PortalClient.withoutEkey();
        browser.get(PAGE);
        // as a browser posts two file fields with nothing chosen
        PortalClient.Upload none = new PortalClient.Upload(null, new byte[0], null);
        String page = browser.submitFiles(PAGE, "seal", Map.of("seal:check", ""),
                Map.of("seal:document_input", none, "seal:signature_input", none)).body();
        assertTrue(page.contains("请选择已签章的文件") && page.contains("请选择签章文件"), page);
        assertFalse(page.contains("id=\"verdict\""), "no verdict without files");
    }

    /** Last: it spends this address's seal-check submissions (the other public pages have their own). */
    @Test
    @Order(4)
    @RunAsClient
    void submissionsAreLimitedPerAddressWhileThePageStillOpens() throws Exception {
        PortalClient flood = PortalClient.withoutEkey();
        int limited = 0;
        String refusal = null;
        for (int i = 0; i < 80; i++) {
            flood.get(PAGE);
            HttpResponse<String> response = flood.submit(PAGE, "seal", Map.of("seal:check", ""));
            if (response.statusCode() == 429) {
                limited++;
                refusal = response.body();
            }
        }
        assertTrue(limited >= 10, "eighty submissions at once are limited: " + limited);
        assertNotNull(refusal);
        assertTrue(refusal.contains("提交过于频繁"), refusal);
        assertEquals(200, flood.get(PAGE).statusCode(), "reading the page is not limited");
    }
}
