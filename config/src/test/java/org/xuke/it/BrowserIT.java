package org.xuke.it;

import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
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
import org.xuke.licence.AuthoritySettings;

/**
 * The export licence workflow in a real headless Chromium, one browser per person: the
 * enterprise fills, seals and submits; the initial reviewer returns it; the enterprise changes
 * and resubmits; the initial and the second reviewer pass it; the issuer issues; the licence
 * appears for the enterprise. A screenshot of every step is kept in target/browser-screenshots.
 * Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped, saying so, on a
 * machine without them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final String PASSWORD = "Xk-2026-browser-flow-5";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(BrowserIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    AuthoritySettings settings;

    /** A Guangdong enterprise and the four people of the workflow, each with an e-key. */
    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(BrowserIT.class);
    }

    @People
    void peopleOfTheWorkflow() throws Exception {
        long company = enterprises.register("IT", "91440101MA0XUKE12H", "PROV-GUANGDONG", new EnterpriseDetails(
                "广州浏览器测试进出口有限公司", "4401010000012", "广州", "联系人", "020-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "LLQY", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "LLCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "LLFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "LLFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-GUANGDONG", "LLGL", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.systemAdministrator(accounts, certificates, "LLXT", PASSWORD);
        settings.assignAtDeployment("IT", "PROV-GUANGDONG", "GD");
    }

    @Test
    @Order(2)
    @RunAsClient
    void fromTheFormToTheLicence() throws Exception {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        // the browser code lives outside this class: the server loads this class without Selenium
        BrowserFlow.fromTheFormToTheLicence(PASSWORD);
    }

    /** One deletion and one write-off from the enterprise's request to the issuer's approval; customs follows. */
    @Test
    @Order(3)
    @RunAsClient
    void aDeletionAndAWriteOff() throws Exception {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        BrowserFlow.afterIssue(PASSWORD);
    }

    /** axe-core over every page of the three portals in Chromium: WCAG 2.1 AA, no serious or critical finding. */
    @Test
    @Order(4)
    @RunAsClient
    void everyPageMeetsWcag21AaByAxe() throws Exception {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        BrowserFlow.accessibilitySweep(PASSWORD);
    }
}
