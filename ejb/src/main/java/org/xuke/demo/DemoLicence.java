package org.xuke.demo;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.account.DemoActor;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.Saved;
import org.xuke.application.ExportApplicationService.View;
import org.xuke.application.ExportLicenceForm;
import org.xuke.application.SpecLine;
import org.xuke.customs.CustomsQueries;
import org.xuke.customs.CustomsStatus;
import org.xuke.platform.ClockProducer;
import org.xuke.platform.DomainRuleException;

/**
 * The demo's licence: on a fresh demo database one export licence goes the whole way through the
 * same boundaries people use (QIYE fills, seals and submits; CHUSHEN and FUSHEN pass it; FAZHENG
 * issues it), so it leaves for customs at once and the demo shows 海关入库成功. Once customs has
 * stored it, the declarant at customs declares 30 of its 100 kg in the customs simulator
 * ({@code -Dxuke.demo.customsSim}, set by the run command), whose usage message comes back: the
 * licence then shows what is used and what remains. Demo mode only (see {@link DemoActor}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoLicence {

    private static final Logger LOG = Logger.getLogger(DemoLicence.class.getName());
    static final String COMMODITY = "8112921000";
    static final String PORT = "0901";
    private static final int CHECKS = 40;

    @Inject
    private ExportApplicationService applications;

    @Inject
    private CustomsQueries customs;

    /**
     * Not the EJB timer service: a programmatic timer makes Payara deploy its timer application,
     * which listens on all interfaces (found by LoopbackIT).
     */
    @Resource
    private ManagedScheduledExecutorService scheduler;

    /**
     * Issues the demo licence two seconds from now: the demo data's start-up transaction, which
     * creates the accounts, must have committed before anyone can act as them (tried again if not).
     */
    public void issueSoon() {
        String simulator = System.getProperty("xuke.demo.customsSim");
        scheduler.schedule(() -> issue(simulator, 1), 2, TimeUnit.SECONDS);
    }

    /** Issues the demo licence and asks the simulator for a declaration once customs stored it. */
    private void issue(String simulator, int attempt) {
        int year = LocalDate.now(ClockProducer.CHINA).getYear();
        try {
            View applied = DemoActor.as("QIYE", () -> {
                Saved opened = applications.start(year, COMMODITY, PORT);
                if (!opened.ok()) {
                    throw new IllegalStateException("the demo goods are not in the " + year + " catalogue: "
                            + opened.errors());
                }
                ExportLicenceForm f = opened.view().form();
                Saved saved = applications.saveAndSeal(null, 0, new ExportLicenceForm(f.year(), f.commodityCode(),
                        f.portCode(), f.exporterCode(), f.consignorCode(), f.tradeModeCode(), "116", "2", "信用证",
                        f.validityEnd(), "HT-DEMO-" + year + "-01", f.currencyCode(), null,
                        List.of(new SpecLine("99.99%", new BigDecimal("12.5"), new BigDecimal("100"))), f.usdRate(),
                        "演示数据", f.oneBatch()));
                if (!saved.ok()) {
                    throw new IllegalStateException("the demo application was refused: " + saved.errors());
                }
                return applications.submit(saved.view().application().getId(),
                        saved.view().application().getVersion());
            });
            long id = applied.application().getId();
            View passed = DemoActor.as("CHUSHEN", () -> applications.decide(id, applied.application().getVersion(),
                    ApplicationTransition.PASS_INITIAL_REVIEW, "演示：初审通过"));
            View approved = DemoActor.as("FUSHEN", () -> applications.decide(id, passed.application().getVersion(),
                    ApplicationTransition.PASS_SECOND_REVIEW, "演示：复审通过"));
            View issued = DemoActor.as("FAZHENG", () -> applications.issue(id, approved.application().getVersion(),
                    null));
            String number = issued.licence().getNumber();
            LOG.info(() -> "Demo licence " + number + " issued; it goes to customs now");
            if (simulator != null && !simulator.isBlank()) {
                scheduler.schedule(() -> declare(new Step(number, simulator, 1)), 5, TimeUnit.SECONDS);
            }
        } catch (DomainRuleException e) {
            if ("access.signIn".equals(e.key()) && attempt < 10) {
                // the start-up transaction that creates the accounts has not committed yet
                scheduler.schedule(() -> issue(simulator, attempt + 1), 2, TimeUnit.SECONDS);
            } else {
                LOG.log(Level.WARNING, "The demo licence was not issued", e);
            }
        } catch (RuntimeException e) {
            // the demo accounts are there and usable; only the ready-made licence is missing
            LOG.log(Level.WARNING, "The demo licence was not issued", e);
        }
    }

    /** A declaration to make: the licence, the simulator's address, how many times it looked. */
    record Step(String number, String simulator, int attempt) {
    }

    /** Declares at customs once the licence is stored there (looked at every 5 s, 40 times at most). */
    private void declare(Step d) {
        CustomsStatus status;
        try {
            status = DemoActor.as("QIYE", () -> customs.standingForCaller(d.number())
                    .map(CustomsQueries.Standing::status).orElse(null));
        } catch (RuntimeException e) {
            // a task of the executor: nobody else would see the failure
            LOG.log(Level.WARNING, "The demo licence's customs status could not be read", e);
            return;
        }
        if (status != CustomsStatus.STORED) {
            if (d.attempt() < CHECKS) {
                scheduler.schedule(() -> declare(new Step(d.number(), d.simulator(), d.attempt() + 1)), 5,
                        TimeUnit.SECONDS);
            } else {
                LOG.warning(() -> "Demo licence " + d.number() + " is " + status + " at customs; nothing declared");
            }
            return;
        }
        String form = "action=declare&licence=" + URLEncoder.encode(d.number(), StandardCharsets.UTF_8)
                + "&line=1&quantity=30&state=RELEASED";
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(d.simulator())).timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            LOG.info(() -> "Demo declaration of 30 against " + d.number() + " at the customs simulator: HTTP "
                    + answer.statusCode());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The customs simulator did not take the demo declaration", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
