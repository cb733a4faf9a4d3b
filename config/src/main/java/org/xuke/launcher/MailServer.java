package org.xuke.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The embedded mail server of the run command and the tests (GreenMail): real SMTP and IMAP on the
 * loopback address. Payara's mail session {@code mail/xuke} sends to its SMTP port; anyone reads
 * what arrived over IMAP with the recipient's address as user name and as password (GreenMail
 * creates the mailbox on first delivery). Mail is kept in memory while it runs.
 */
public final class MailServer implements AutoCloseable {

    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;

    private GreenMail greenMail;

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP_PORT, Settings.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, Settings.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
    }

    /** Stops it (the tests' mail outage); what arrived so far is gone with it. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    /** What arrived since it started (the tests read it this way and over IMAP). */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        stop();
    }
}
