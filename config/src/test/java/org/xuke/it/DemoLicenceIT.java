package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.account.AccountService;
import org.xuke.account.DemoActor;
import org.xuke.account.Role;
import org.xuke.demo.DemoData;
import org.xuke.demo.DemoLicence;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.licence.AuthoritySettings;

/**
 * The run command's demo licence: with the demo's accounts still on their one-time passwords, the
 * demo data files, passes and issues one export licence in their names through the real services
 * (steps and audit say who), customs stores it, and the declarant's 30 of 100 come back as usage.
 * Outside demo mode nobody can be acted for. Demo mode is switched on in the server for this test
 * only ({@code xuke.demo.dir}; the tests' server otherwise runs without it).
 */
@ExtendWith(ArquillianExtension.class)
class DemoLicenceIT {

    private static final String AUTHORITY = "PROV-HEILONGJIANG";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(DemoLicenceIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    AuthoritySettings authoritySettings;

    @Inject
    DemoLicence demoLicence;

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    @Test
    void aFreshDemoHoldsALicenceIssuedInTheDemoAccountsNamesAndDeclaredAtCustoms() throws Exception {
        assertThrows(IllegalStateException.class, () -> DemoActor.as("FAZHENG", () -> "issued"),
                "outside demo mode");
        // the demo's names and company, at an authority no other test uses (other tests check Liaoning
        // before it has a licence-number code)
        long company = enterprises.register("IT", DemoData.DEMO_USCC, AUTHORITY, new EnterpriseDetails(
                "沈阳许可演示进出口有限公司", "2101020000001", "沈阳", "演示联系人", "024-00000000", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "QIYE", null, true);
        for (String[] officer : new String[][] {{"CHUSHEN", "INITIAL_REVIEWER"}, {"FUSHEN", "SECOND_REVIEWER"},
                {"FAZHENG", "ISSUER"}}) {
            accounts.createOfficer("IT", officer[0], officer[0], AUTHORITY, Set.of(Role.valueOf(officer[1])));
            certificates.issue("IT", officer[0], Fixtures.EKEY_PASSWORD);
        }
        authoritySettings.assignAtDeployment("IT", AUTHORITY, "HL");
        System.setProperty("xuke.demo.dir", Fixtures.DIR.toString());
        System.setProperty("xuke.demo.customsSim", PortalClient.HTTP + "/customs-sim/");
        try {
            demoLicence.issueSoon();
            for (int i = 0; i < 300 && !"DECLARED 30.00000".equals(standing()); i++) {
                Thread.sleep(200);
            }
        } finally {
            System.clearProperty("xuke.demo.dir");
            System.clearProperty("xuke.demo.customsSim");
        }
        assertEquals("DECLARED 30.00000", standing(), "报关单核注, customs' cumulative 30 of 100");
        assertEquals(List.of("QIYE PENDING_INITIAL_REVIEW", "CHUSHEN PENDING_SECOND_REVIEW", "FUSHEN APPROVED",
                "FAZHENG ISSUED"), steps(), "each step in the name of the demo account that took it");
    }

    /** The demo enterprise's licence: its customs status and line 1's cumulative quantity. */
    private String standing() throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "select c.status || ' ' || coalesce(u.cumulative_quantity::text, '-') from licence l"
                        + " join enterprise e on e.id = l.enterprise_id join customs_licence c on c.licence_id = l.id"
                        + " left join customs_line_usage u on u.licence_id = l.id and u.line_number = 1"
                        + " where e.uscc = ?")) {
            s.setString(1, DemoData.DEMO_USCC);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : "no licence";
            }
        }
    }

    private List<String> steps() throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "select st.actor, st.to_state from export_application_step st join export_application a"
                        + " on a.id = st.application_id join enterprise e on e.id = a.enterprise_id where e.uscc = ?"
                        + " order by st.step_no")) {
            s.setString(1, DemoData.DEMO_USCC);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    steps.add(row.getString(1) + " " + row.getString(2));
                }
            }
        }
        return steps;
    }
}
