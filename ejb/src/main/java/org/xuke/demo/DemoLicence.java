package org.xuke.demo;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @Resource
    private TimerService timers;

    /**
     * Issues the demo licence two seconds from now: the demo data's start-up transaction, which
     * creates the accounts, must have committed before anyone can act as them.
     */
    public void issueSoon() {
        timers.createSingleActionTimer(2_000, new TimerConfig(new Step(null,
                System.getProperty("xuke.demo.customsSim"), 0), false));
    }

    /** Issues the demo licence and asks the simulator for a declaration once customs stored it. */
    private void issue(String simulator) {
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
                timers.createSingleActionTimer(Duration.ofSeconds(5).toMillis(),
                        new TimerConfig(new Step(number, simulator, 1), false));
            }
        } catch (RuntimeException e) {
            // the demo accounts are there and usable; only the ready-made licence is missing
            LOG.log(Level.WARNING, "The demo licence was not issued", e);
        }
    }

    /** What the timer carries: the licence (null: to issue), the simulator's address, how many looks. */
    record Step(String number, String simulator, int attempt) implements java.io.Serializable {
    }

    @Timeout
    void next(Timer timer) {
        Step step = (Step) timer.getInfo();
        if (step.number() == null) {
            issue(step.simulator());
        } else {
            declare(step);
        }
    }

    /** Declares at customs once the licence is stored there (looked at every 5 s, 40 times at most). */
    private void declare(Step d) {
        CustomsStatus status = DemoActor.as("QIYE", () -> customs.standingForCaller(d.number())
                .map(CustomsQueries.Standing::status).orElse(null));
        if (status != CustomsStatus.STORED) {
            if (d.attempt() < CHECKS) {
                timers.createSingleActionTimer(Duration.ofSeconds(5).toMillis(), new TimerConfig(
                        new Step(d.number(), d.simulator(), d.attempt() + 1), false));
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
