package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
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
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;

/**
 * The officer's catalogue import page as a browser uses it: signed in with the e-key as an
 * authority administrator, posting the multipart form (view state, CSP nonce); a bad file is
 * refused line by line, a good one lands; a reviewer may not open the page at all.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogImportPageIT {

    private static final String PAGE = PortalClient.HTTPS + "/officer/catalog-import.xhtml";
    private static final String GOODS_HEADER = "seq,goods_zh,management,quota,issuing_level,source,confidence,notes\n";
    private static final String PASSWORD = "Xk-2026-import-7";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CatalogImportPageIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(CatalogImportPageIT.class);
    }

    @People
    void officers() throws Exception {
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CATADMIN", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "CATREVW", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
    }

    private static PortalClient signedIn(String username) throws Exception {
        PortalClient browser = PortalClient.withEkey(Fixtures.ekey(username), Fixtures.EKEY_PASSWORD);
        HttpResponse<String> landed = browser.login(username, PASSWORD);
        assertTrue(landed.uri().getPath().endsWith("/officer/index.xhtml"), landed.uri().toString());
        return browser;
    }

    private static String upload(PortalClient browser, String kind, String year, String fileName, String content)
            throws Exception {
        assertEquals(200, browser.get(PAGE).statusCode());
        HttpResponse<String> response = browser.submitFile(PAGE, "import", Map.of("import:kind_input", kind,
                "import:year_input", year, "import:year_hinput", year, "import:submit", ""), "import:file_input",
                fileName, content);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    @Order(2)
    @RunAsClient
    void badFileIsRefusedWithLineAndReasonAndNothingIsStored() throws Exception {
        PortalClient browser = signedIn("CATADMIN");
        String csv = GOODS_HEADER + "1,大米,licence,Y,特办,TEST,H,\n"
                + "2,,licence,Y,特办,TEST,H,\n"
                + "x,玉米,licence,Y,特办,TEST,H,\n";
        String result = upload(browser, "LICENSED_GOODS", "2033", "goods-2033.csv", csv);
        assertTrue(result.contains("文件有 2 处错误，未导入任何数据"), "refusal message");
        assertTrue(result.contains(">3</td>") && result.contains("必填列“goods_zh”为空"), "line 3 reason");
        assertTrue(result.contains(">4</td>") && result.contains("列“seq”的值“x”不是有效数字"), "line 4 reason");
        String list = browser.get(PortalClient.HTTP + "/public/catalog.xhtml?kind=licensed-goods&year=2033").body();
        assertTrue(list.contains("没有符合条件的记录"), "nothing stored for 2033");
    }

    @Test
    @Order(3)
    @RunAsClient
    void goodFileReplacesTheChosenYearAndRecordsWhoImportedIt() throws Exception {
        PortalClient browser = signedIn("CATADMIN");
        String csv = GOODS_HEADER + "1,测试大米,licence,Y,特办,TEST,H,\n" + "2,测试玉米,licence,N,特办,TEST,M,\n";
        String result = upload(browser, "LICENSED_GOODS", "2034", "goods-2034.csv", csv);
        assertTrue(result.contains("导入成功：出口许可证管理货物目录 共 2 条记录"), "success message");
        assertTrue(result.contains("goods-2034.csv") && result.contains("CATADMIN"), "listed with the officer");
        String list = browser.get(PortalClient.HTTP + "/public/catalog.xhtml?kind=licensed-goods&year=2034").body();
        assertTrue(list.contains("测试大米") && list.contains("测试玉米") && list.contains("总共 2 条记录"));
    }

    @Test
    @Order(4)
    @RunAsClient
    void submittingWithoutAFileAsksForOne() throws Exception {
        assertTrue(upload(signedIn("CATADMIN"), "UNIT", "", null, null).contains("请选择要导入的 CSV 文件"));
    }

    @Test
    @Order(5)
    @RunAsClient
    void aReviewerMayNotImportCatalogues() throws Exception {
        HttpResponse<String> page = signedIn("CATREVW").get(PAGE);
        assertEquals(403, page.statusCode());
    }
}
