package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.licence.LicenceNumber;
import org.xuke.licence.LicenceNumbers;

/**
 * Licence numbers against PostgreSQL: 40 issues at once on the managed executor get 1..40 without a gap or a
 * double; a rolled-back issue gives its number back; outside a transaction nothing is given.
 */
@ExtendWith(ArquillianExtension.class)
class LicenceNumbersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(LicenceNumbersIT.class);
    }

    @Inject
    LicenceNumbers numbers;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    private LicenceNumber issue(String code, int year, boolean commit) throws Exception {
        transaction.begin();
        try {
            LicenceNumber number = numbers.next(code, year);
            Thread.sleep(5); // hold the lock a little, as a real issue would
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
            return number;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    @Test
    void concurrentIssuesGetEveryNumberOnce() throws Exception {
        List<Future<LicenceNumber>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Callable<LicenceNumber> task = () -> issue("QA", 2026, true);
            futures.add(executor.submit(task));
        }
        TreeSet<Integer> sequences = new TreeSet<>();
        for (Future<LicenceNumber> future : futures) {
            LicenceNumber number = future.get();
            assertEquals("26QA", number.value().substring(0, 4));
            sequences.add(number.sequence());
        }
        assertEquals(40, sequences.size(), "no number twice");
        assertEquals(1, sequences.first());
        assertEquals(40, sequences.last(), "no gap");
        assertEquals("27QA000001", issue("QA", 2027, true).value(), "each year starts again at 1");
    }

    @Test
    void aRolledBackIssueLeavesNoGap() throws Exception {
        assertEquals("26QB000001", issue("QB", 2026, true).value());
        assertEquals("26QB000002", issue("QB", 2026, false).value());
        assertEquals("26QB000002", issue("QB", 2026, true).value(), "the rolled-back number is given again");
        assertThrows(EJBTransactionRequiredException.class, () -> numbers.next("QB", 2026));
    }

    /** Codes of 3 and 4 letters (seed 003's 08AAX00000, 18AANW0040) leave the sequence fewer digits. */
    @Test
    void longerAuthorityCodesNumberInTenCharacters() throws Exception {
        assertEquals("26QAX00001", issue("QAX", 2026, true).value());
        assertEquals("26QANW0001", issue("QANW", 2026, true).value());
        assertEquals("26QANW0002", issue("QANW", 2026, true).value());
    }
}
