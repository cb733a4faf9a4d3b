package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CanonicalJson;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.CertificateService;
import org.xuke.identity.CertificateService.IssuedEkey;
import org.xuke.identity.CertificateService.LoginCertificateCheck;
import org.xuke.account.DataScope;
import org.xuke.identity.Pkcs12;
import org.xuke.account.Role;
import org.xuke.identity.SealVerification;
import org.xuke.platform.DomainRuleException;

/** E-key certificates issued by the deployment CA inside Payara and recorded in PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class CertificateIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CertificateIT.class);
    }

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    AuditLog audit;

    private static X509Certificate loginCertificate(IssuedEkey issued, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(issued.loginPkcs12()), password);
        return (X509Certificate) store.getCertificate(Pkcs12.ALIAS);
    }

    @Test
    void issueCheckLimitRevokeAndSeal() throws Exception {
        Enterprise company = enterprises.register("SYSADMIN", "9144030071526726XG", "PROV-GUANGDONG",
                new EnterpriseDetails("深圳电子钥匙测试公司", null, null, null, null, null));
        for (String user : new String[] {"ZHANG", "WANG", "ZHAO", "SUN"}) {
            accounts.createEnterpriseUser("SYSADMIN", user, user, company.getId(), null, DataScope.COMPANY,
                    Set.of(Role.ENTERPRISE_OPERATOR));
        }
        char[] password = "holder-chosen-9".toCharArray();
        IssuedEkey zhang = certificates.issue("SYSADMIN", "ZHANG", password);
        X509Certificate zhangLogin = loginCertificate(zhang, password);
        assertTrue(zhangLogin.getSubjectX500Principal().getName().contains("CN=ZHANG"));
        assertEquals(LoginCertificateCheck.ACCEPTED, certificates.checkLogin(zhangLogin, "ZHANG"));
        assertEquals(LoginCertificateCheck.OTHER_ACCOUNT, certificates.checkLogin(zhangLogin, "WANG"));

        certificates.issue("SYSADMIN", "WANG", password);
        IssuedEkey zhao = certificates.issue("SYSADMIN", "ZHAO", password);
        DomainRuleException fourth = assertThrows(DomainRuleException.class,
                () -> certificates.issue("SYSADMIN", "SUN", password));
        assertEquals("certificate.limit", fourth.key());

        certificates.revoke("SYSADMIN", zhao.loginSerial(), CertificateIssuer.Revocation.CESSATION_OF_OPERATION);
        assertEquals(LoginCertificateCheck.REVOKED, certificates.checkLogin(loginCertificate(zhao, password), "ZHAO"));
        certificates.issue("SYSADMIN", "SUN", password);

        byte[] document = CanonicalJson.bytes(Map.of("applicationNo", "2026000001", "quantity", "535.1"));
        byte[] seal = certificates.sealAs("ZHANG", document);
        SealVerification verified = certificates.verifySeal(document, seal);
        assertTrue(verified.valid(), () -> String.valueOf(verified.problem()));
        assertTrue(verified.signer().contains("SERIALNUMBER=9144030071526726XG"), verified.signer());
        byte[] changed = document.clone();
        changed[3] ^= 1;
        assertFalse(certificates.verifySeal(changed, seal).valid());

        certificates.revoke("SYSADMIN", zhang.sealSerial(), CertificateIssuer.Revocation.KEY_COMPROMISE);
        SealVerification compromised = certificates.verifySeal(document, seal);
        assertFalse(compromised.valid());
        assertEquals("seal.revoked", compromised.problem());

        assertEquals(4, audit.count(new AuditFilter("SYSADMIN", "CERTIFICATE_ISSUED", null, null, null)));
        assertEquals(2, audit.count(new AuditFilter("SYSADMIN", "CERTIFICATE_REVOKED", null, null, null)));
    }

    @Test
    void aCertificateTheRegistryDoesNotKnowIsNotAccepted() throws Exception {
        assertEquals(LoginCertificateCheck.UNKNOWN, certificates.checkLogin(null, "ZHANG"));
    }
}
