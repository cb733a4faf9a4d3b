package org.xuke.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR built by the ear module, with the test classes added to its web module. */
final class Deployments {

    static final String WEB_MODULE = "xuke-web.war";

    private Deployments() {
    }

    static EnterpriseArchive ear(Class<?>... testClasses) {
        File file = new File(System.getProperty("xuke.ear", "../ear/target/xuke.ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses).addClass(Deployments.class);
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        return ear;
    }
}
