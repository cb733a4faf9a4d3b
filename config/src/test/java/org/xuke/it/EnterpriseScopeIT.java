package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.DataScope;
import org.xuke.account.Role;

/**
 * Data scope at the boundary, seen from browsers: an enterprise user who puts another company's
 * id in the URL gets a 404 like for a missing record, an officer of one province nothing of
 * another's; each attempt is audited. The administrator's edits are saved, a stale one refused.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnterpriseScopeIT {

    private static final String PASSWORD = "Xk-2026-scope-3";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(EnterpriseScopeIT.class);
    }

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    AuditLog audit;

    private static String id(String name) throws Exception {
        return Files.readString(Fixtures.DIR.resolve(name + ".id"));
    }

    private static PortalClient signedIn(String username) throws Exception {
        return Fixtures.signedIn(username, PASSWORD);
    }

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(EnterpriseScopeIT.class);
    }

    @People
    void twoCompaniesInTwoProvinces() throws Exception {
        Enterprise liaoning = enterprises.register("IT", "91210102MA0XUKE025", "PROV-LIAONING",
                new EnterpriseDetails("辽宁范围测试公司", null, null, null, null, null));
        Enterprise guangdong = enterprises.register("IT", "91440300MA0XUKE03F", "PROV-GUANGDONG",
                new EnterpriseDetails("广东范围测试公司", null, null, null, null, null));
        Files.createDirectories(Fixtures.DIR);
        Files.writeString(Fixtures.DIR.resolve("liaoning.id"), String.valueOf(liaoning.getId()));
        Files.writeString(Fixtures.DIR.resolve("guangdong.id"), String.valueOf(guangdong.getId()));
        var admin = accounts.createEnterpriseUser("IT", "AADMIN", "辽宁管理员", liaoning.getId(), null, DataScope.COMPANY,
                Set.of(Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_OPERATOR));
        accounts.changePassword("AADMIN", admin.oneTimePassword(), PASSWORD.toCharArray(), "127.0.0.1");
        Files.write(Fixtures.ekey("AADMIN"), certificates.issue("IT", "AADMIN", Fixtures.EKEY_PASSWORD).loginPkcs12());
        Fixtures.enterpriseUser(accounts, certificates, liaoning.getId(), "AOPER", PASSWORD, true);
        var department = accounts.createEnterpriseUser("IT", "ADEPT", "出口部经办人", liaoning.getId(), "出口部",
                DataScope.DEPARTMENT, Set.of(Role.ENTERPRISE_OPERATOR));
        accounts.changePassword("ADEPT", department.oneTimePassword(), PASSWORD.toCharArray(), "127.0.0.1");
        Files.write(Fixtures.ekey("ADEPT"), certificates.issue("IT", "ADEPT", Fixtures.EKEY_PASSWORD).loginPkcs12());
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "LNOFF", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
    }

    @Test
    @Order(2)
    @RunAsClient
    void anEnterpriseUserSeesHisCompanyAndNothingOfAnother() throws Exception {
        PortalClient browser = signedIn("AOPER");
        HttpResponse<String> own = browser.get(PortalClient.HTTPS + "/enterprise/company.xhtml");
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("辽宁范围测试公司"));
        assertFalse(own.body().contains("record:save"), "an operator cannot edit the record");
        assertFalse(own.body().contains("ui-outputlabel-rfi"), "no required marks on a record he only reads");
        assertTrue(PortalClient.find(own.body(), "id=\"record:authority\">([^<]+)<").startsWith("辽宁省")
                && !own.body().contains("PROV-LIAONING"), "the serving authority by its name, not its code");
        assertTrue(own.body().contains("id=\"data-scope\">数据范围：本公司<"), "seed 001: the scope at the top right");
        assertTrue(signedIn("ADEPT").get(PortalClient.HTTPS + "/enterprise/applications.xhtml").body()
                .contains("id=\"data-scope\">数据范围：本部门（出口部）<"), "a department user's scope names it");

        HttpResponse<String> other = browser.get(PortalClient.HTTPS + "/enterprise/company.xhtml?id=" + id("guangdong"));
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("广东范围测试公司"));
        HttpResponse<String> missing = browser.get(PortalClient.HTTPS + "/enterprise/company.xhtml?id=999999999");
        assertEquals(404, missing.statusCode(), "a foreign record and a missing one look the same");
    }

    @Test
    @Order(3)
    @RunAsClient
    void anOfficerSeesHisProvinceOnly() throws Exception {
        PortalClient browser = signedIn("LNOFF");
        HttpResponse<String> own = browser.get(PortalClient.HTTPS + "/officer/enterprise.xhtml?id=" + id("liaoning"));
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("辽宁范围测试公司"));
        assertTrue(own.body().contains("id=\"data-scope\">数据范围：本机构<"), "an officer sees his authority's");
        HttpResponse<String> other = browser.get(PortalClient.HTTPS + "/officer/enterprise.xhtml?id=" + id("guangdong"));
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("广东范围测试公司"));
    }

    @Test
    @Order(4)
    @RunAsClient
    void theAdministratorEditsHisRecordAndAStaleEditIsRefused() throws Exception {
        PortalClient first = signedIn("AADMIN");
        PortalClient second = signedIn("AADMIN");
        String url = PortalClient.HTTPS + "/enterprise/company.xhtml";
        first.get(url);
        second.get(url);
        Map<String, String> fields = Map.of("record:name", "辽宁范围测试有限公司", "record:code", "2101020000009",
                "record:address", "沈阳", "record:contact", "李", "record:phone", "024-1", "record:filing", "",
                "record:save", "");
        String saved = first.submit(url, "record", fields).body();
        assertTrue(saved.contains("企业信息已保存"), "saved");
        String stale = second.submit(url, "record", Map.of("record:name", "覆盖的名称", "record:code", "",
                "record:address", "", "record:contact", "", "record:phone", "", "record:filing", "", "record:save", ""))
                .body();
        assertTrue(stale.contains("企业信息已被他人修改"), "stale edit refused");
        assertTrue(first.get(url).body().contains("辽宁范围测试有限公司"));
    }

    @Test
    @Order(5)
    void attemptsAndChangesAreAudited() {
        assertEquals(1, audit.count(new AuditFilter("AOPER", "ACCESS_DENIED", null, null, null)));
        assertEquals(1, audit.count(new AuditFilter("LNOFF", "ACCESS_DENIED", null, null, null)));
        assertEquals(1, audit.count(new AuditFilter("AADMIN", "ENTERPRISE_CHANGED", null, null, null)));
    }
}
