package org.xuke.demo;

import org.xuke.licence.AuthoritySettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.xuke.enterprise.Enterprise;
import org.xuke.platform.ClockProducer;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.identity.CertificateService;
import org.xuke.notification.NotificationService;
import org.xuke.account.DataScope;
import org.xuke.account.Role;

/**
 * Demo data, only when the server runs in demo mode (-Dxuke.demo.dir, set by the run command,
 * never in production): a demo enterprise in Liaoning and the accounts of each role, each with a
 * one-time password generated for this installation (changed at first sign-in) and an e-key
 * PKCS#12. Written once to the demo folder, which the launcher prints. Then one export licence
 * issued in the accounts' names ({@link DemoLicence}), which customs stores and declares against.
 */
@Startup
@Singleton
@DependsOn("CatalogBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    /** The demo enterprise's code: fictitious, with a correct GB 32100 check character. */
    public static final String DEMO_USCC = "91210102MA0XUKE012";
    public static final String AUTHORITY = "PROV-LIAONING";

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuthoritySettings authoritySettings;

    @Inject
    private DemoLicence licence;

    @Inject
    private NotificationService notices;

    /** The demo accounts' e-mail domain (delivered to the run command's embedded mail server). */
    static final String MAIL_DOMAIN = "demo.xuke.localhost";

    @PostConstruct
    void load() {
        String dir = System.getProperty("xuke.demo.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        // the real codes are not published: the demo authority uses a made-up one (a bureau sets its
        // own); also on a demo database from before licences could be issued
        authoritySettings.assignAtDeployment("demo", AUTHORITY, "LN");
        if (enterprises.findByUscc(UnifiedSocialCreditCode.parse(DEMO_USCC)).isPresent()) {
            return;
        }
        try {
            write(Path.of(dir));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the demo accounts to " + dir, e);
        }
        // one licence issued through the portals' boundaries, on its way to customs
        licence.issueSoon();
    }

    private void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Enterprise company = enterprises.register("demo", DEMO_USCC, AUTHORITY, new EnterpriseDetails(
                "沈阳许可演示进出口有限公司", "2101020000001", "辽宁省沈阳市和平区演示路 1 号", "演示联系人", "024-00000000",
                "01990001"));
        char[] ekeyPassword = new String(AccountService.newOneTimePassword()).substring(0, 12).toCharArray();
        List<String> lines = new ArrayList<>();
        lines.add("# xuke demo accounts (created " + java.time.LocalDate.now(ClockProducer.CHINA) + ")");
        lines.add("# user      role                         one-time password   e-key file");
        add(lines, dir, ekeyPassword, accounts.createEnterpriseUser("demo", "QIYE", "演示经办人", company.getId(), null,
                DataScope.COMPANY, Set.of(Role.ENTERPRISE_OPERATOR)), "enterprise operator 企业经办人");
        add(lines, dir, ekeyPassword, accounts.createEnterpriseUser("demo", "QYADMIN", "演示企业管理员", company.getId(),
                null, DataScope.COMPANY, Set.of(Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_OPERATOR)),
                "enterprise admin 企业管理员");
        add(lines, dir, ekeyPassword, accounts.createOfficer("demo", "CHUSHEN", "演示初审员", AUTHORITY,
                Set.of(Role.INITIAL_REVIEWER)), "initial reviewer 初审");
        add(lines, dir, ekeyPassword, accounts.createOfficer("demo", "FUSHEN", "演示复审员", AUTHORITY,
                Set.of(Role.SECOND_REVIEWER)), "second reviewer 复审");
        add(lines, dir, ekeyPassword, accounts.createOfficer("demo", "FAZHENG", "演示发证员", AUTHORITY,
                Set.of(Role.ISSUER)), "issuer 发证");
        add(lines, dir, ekeyPassword, accounts.createOfficer("demo", "JGADMIN", "演示机构管理员", AUTHORITY,
                Set.of(Role.AUTHORITY_ADMIN)), "authority admin 机构管理员");
        add(lines, dir, ekeyPassword, accounts.createEkeyProvider("demo", "FUWU", "演示电子钥匙服务商"),
                "e-key provider 电子钥匙服务商");
        lines.add("# e-key PKCS#12 password (all files): " + new String(ekeyPassword));
        // every demo account gets its notices by e-mail too, at the run command's mail server
        for (String username : List.of("QIYE", "QYADMIN", "CHUSHEN", "FUSHEN", "FAZHENG", "JGADMIN", "FUWU")) {
            notices.subscribeAtDeployment("demo", username, username.toLowerCase(Locale.ROOT) + "@" + MAIL_DOMAIN);
        }
        lines.add("# e-mail: each account's notices go to <user>@" + MAIL_DOMAIN + " (e.g. qiye@" + MAIL_DOMAIN
                + "); read them over IMAP at 127.0.0.1:3143, user name and password = that address");
        Files.write(dir.resolve("accounts.txt"), lines, StandardCharsets.UTF_8);
        LOG.info(() -> "Demo accounts written to " + dir.resolve("accounts.txt"));
    }

    private void add(List<String> lines, Path dir, char[] ekeyPassword, CreatedAccount account, String role)
            throws IOException {
        Path p12 = dir.resolve(account.username() + ".p12");
        Files.write(p12, certificates.issue("demo", account.username(), ekeyPassword).loginPkcs12());
        lines.add(String.format("%-10s %-28s %-19s %s", account.username(), role, new String(account.oneTimePassword()),
                p12));
    }
}
