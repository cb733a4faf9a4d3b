package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.audit.AuditEvent;
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.account.DataScope;
import org.xuke.account.LoginOutcome;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

/** Enterprises and password login on PostgreSQL, with every decision in the audit log. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(IdentityIT.class);
    }

    @Inject
    EnterpriseService enterprises;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    private static EnterpriseDetails details(String name) {
        return details(name, "1100776367555");
    }

    private static EnterpriseDetails details(String name, String enterpriseCode) {
        return new EnterpriseDetails(name, enterpriseCode, "沈阳市和平区", "钱章", "024-12345678", "01234567");
    }

    @Test
    void firstLoginForcesANewPasswordThenLockoutAfterFiveWrongOnesAllAudited() {
        Enterprise company = enterprises.register("SYSADMIN", "91330100716105852F", "PROV-LIAONING",
                details("辽宁测试进出口有限公司"));
        CreatedAccount created = accounts.createEnterpriseUser("SYSADMIN", "LIAOA", "李澳", company.getId(), null,
                DataScope.COMPANY, Set.of(Role.ENTERPRISE_OPERATOR));

        assertEquals(LoginOutcome.PASSWORD_CHANGE_REQUIRED,
                accounts.login("liaoa", created.oneTimePassword(), "127.0.0.1").outcome());
        DomainRuleException weak = assertThrows(DomainRuleException.class, () -> accounts.changePassword("LIAOA", created.oneTimePassword(),
                "99999999".toCharArray(), "127.0.0.1"));
        assertEquals("password.default", weak.key());
        accounts.changePassword("LIAOA", created.oneTimePassword(), "Licence-2026-xk".toCharArray(), "127.0.0.1");
        assertEquals(LoginOutcome.SUCCESS, accounts.login("LIAOA", "Licence-2026-xk".toCharArray(), "127.0.0.1").outcome());

        for (int i = 0; i < 4; i++) {
            assertEquals(LoginOutcome.WRONG_CREDENTIALS, accounts.login("LIAOA", "wrong".toCharArray(), "10.9.9.9").outcome());
        }
        assertEquals(LoginOutcome.LOCKED, accounts.login("LIAOA", "wrong".toCharArray(), "10.9.9.9").outcome());
        assertEquals(LoginOutcome.LOCKED,
                accounts.login("LIAOA", "Licence-2026-xk".toCharArray(), "127.0.0.1").outcome(), "locked even when right");

        List<String> actions = audit.search(new AuditFilter("LIAOA", null, null, null, null), 0, 50).stream()
                .map(AuditEvent::getAction).toList();
        assertEquals(List.of("LOGIN_REFUSED_LOCKED", "ACCOUNT_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "LOGIN_SUCCEEDED", "PASSWORD_CHANGED", "LOGIN_SUCCEEDED"), actions);
        assertTrue(audit.verify().intact());
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertEquals(LoginOutcome.WRONG_CREDENTIALS, accounts.login("NOBODY", "x".toCharArray(), "127.0.0.1").outcome());
        assertEquals(1, audit.count(new AuditFilter("NOBODY", "LOGIN_FAILED", null, null, null)));
    }

    @Test
    void registrationRefusesABadCreditCodeAnUnknownAuthorityAndADuplicate() {
        DomainRuleException bad = assertThrows(DomainRuleException.class, () -> enterprises.register("SYSADMIN", "914403001922038217", "PROV-GUANGDONG",
                details("错误代码公司")));
        assertEquals("uscc.check", bad.key());
        DomainRuleException unknownAuthority = assertThrows(DomainRuleException.class, () -> enterprises.register("SYSADMIN", "914403001922038216",
                "PROV", details("未知机构公司")));
        assertEquals("enterprise.unknownAuthority", unknownAuthority.key());
        enterprises.register("SYSADMIN", "914403001922038216", "PROV-GUANGDONG", details("深圳测试公司",
                "4403001922038"));
        DomainRuleException twice = assertThrows(DomainRuleException.class, () -> enterprises.register("SYSADMIN", "914403001922038216",
                "PROV-GUANGDONG", details("深圳测试公司", "4403001922039")));
        assertEquals("enterprise.exists", twice.key());
        DomainRuleException sameCode = assertThrows(DomainRuleException.class, () -> enterprises.register("SYSADMIN",
                "91440300MA0XUKA40K", "PROV-GUANGDONG", details("另一家深圳公司", "4403001922038")));
        assertEquals("enterprise.codeTaken", sameCode.key(), "a 13-digit enterprise code belongs to one enterprise");
    }
}
