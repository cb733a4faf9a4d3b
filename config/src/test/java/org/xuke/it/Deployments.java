package org.xuke.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR built by the ear module, with every integration-test class added to its web
 * module: it is deployed once for the whole run ({@link DeployOnce}), so each class's tests find
 * their class in it whichever class came first.
 */
final class Deployments {

    static final String WEB_MODULE = "xuke-web.war";

    private Deployments() {
    }

    /** The one deployment of the run; {@code testClass} names the class that asks (all are in it). */
    static EnterpriseArchive ear(Class<?> testClass) {
        File file = new File(System.getProperty("xuke.ear", "../ear/target/xuke.ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addPackage(testClass.getPackage());
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        return ear;
    }
}
