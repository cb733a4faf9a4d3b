package org.xuke.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xuke.platform.DomainRuleException;

class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

    private static Account operator() {
        return Account.enterpriseUser("QIANZ", "钱章", 7L, null, DataScope.COMPANY, Set.of(Role.ENTERPRISE_OPERATOR),
                "hash");
    }

    @Test
    void fifthWrongPasswordLocksForFifteenMinutesAndEvenTheRightOneIsRefusedMeanwhile() {
        Account account = operator();
        for (int i = 1; i <= 4; i++) {
            assertThat(account.attemptLogin(false, T0.plusSeconds(i))).isEqualTo(LoginOutcome.WRONG_CREDENTIALS);
            assertThat(account.attemptsLeft()).isEqualTo(5 - i);
        }
        assertThat(account.attemptLogin(false, T0.plusSeconds(5))).isEqualTo(LoginOutcome.LOCKED);
        assertThat(account.attemptLogin(true, T0.plus(Duration.ofMinutes(14)))).isEqualTo(LoginOutcome.LOCKED);
        assertThat(account.attemptLogin(true, T0.plus(Duration.ofMinutes(16))))
                .isEqualTo(LoginOutcome.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    void aRightPasswordResetsTheCountOfWrongOnes() {
        Account account = operator();
        account.changePassword("new");
        account.attemptLogin(false, T0);
        account.attemptLogin(false, T0);
        assertThat(account.attemptLogin(true, T0)).isEqualTo(LoginOutcome.SUCCESS);
        assertThat(account.attemptsLeft()).isEqualTo(Account.MAX_FAILED_LOGINS);
    }

    @Test
    void newAccountsMustChangeTheirOneTimePasswordAndResetBringsThatBack() {
        Account account = operator();
        assertThat(account.isMustChangePassword()).isTrue();
        account.changePassword("chosen");
        assertThat(account.attemptLogin(true, T0)).isEqualTo(LoginOutcome.SUCCESS);
        account.resetPassword("one-time", "ADMIN");
        assertThat(account.attemptLogin(true, T0)).isEqualTo(LoginOutcome.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    void whoHandedOutTheOneTimePasswordIsKnownUntilTheHolderChoosesHisOwn() {
        Account account = operator();
        account.resetPassword("one-time", "ADMIN");
        assertThat(account.hasOneTimePasswordFrom("ADMIN")).isTrue();
        assertThat(account.hasOneTimePasswordFrom("OTHER")).isFalse();
        account.changePassword("chosen");
        assertThat(account.hasOneTimePasswordFrom("ADMIN")).isFalse();
    }

    @Test
    void disabledAccountsCannotSignIn() {
        Account account = operator();
        account.disable();
        assertThat(account.attemptLogin(true, T0)).isEqualTo(LoginOutcome.DISABLED);
    }

    @Test
    void userNamesAreCapitalLettersAtMostEight() {
        assertThatThrownBy(() -> Account.enterpriseUser("qianz", "x", 1L, null, DataScope.COMPANY,
                Set.of(Role.ENTERPRISE_OPERATOR), "h")).isInstanceOf(DomainRuleException.class)
                .extracting("key").isEqualTo("account.username");
        assertThatThrownBy(() -> Account.enterpriseUser("ABCDEFGHI", "x", 1L, null, DataScope.COMPANY,
                Set.of(Role.ENTERPRISE_OPERATOR), "h")).isInstanceOf(DomainRuleException.class);
        assertThat(Account.enterpriseUser("ABCDEFGH", "x", 1L, null, DataScope.COMPANY,
                Set.of(Role.ENTERPRISE_OPERATOR), "h").getUsername()).isEqualTo("ABCDEFGH");
    }

    @Test
    void rolesAndScopesFitTheKindOfAccount() {
        assertThatThrownBy(() -> Account.enterpriseUser("ABC", "x", 1L, null, DataScope.COMPANY,
                Set.of(Role.ISSUER), "h")).extracting("key").isEqualTo("account.roles");
        assertThatThrownBy(() -> Account.enterpriseUser("ABC", "x", 1L, null, DataScope.ALL,
                Set.of(Role.ENTERPRISE_OPERATOR), "h")).extracting("key").isEqualTo("account.scope");
        assertThatThrownBy(() -> Account.enterpriseUser("ABC", "x", 1L, " ", DataScope.DEPARTMENT,
                Set.of(Role.ENTERPRISE_OPERATOR), "h")).extracting("key").isEqualTo("account.department");
        assertThatThrownBy(() -> Account.officer("ABC", "x", "PROV-LIAONING", Set.of(Role.ENTERPRISE_ADMIN), "h"))
                .extracting("key").isEqualTo("account.roles");
        Account officer = Account.officer("REVIEW", "审核员", "PROV-LIAONING",
                Set.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER), "h");
        assertThat(officer.getDataScope()).isEqualTo(DataScope.AUTHORITY);
        assertThat(officer.hasRole(Role.ISSUER)).isFalse();
    }
}
