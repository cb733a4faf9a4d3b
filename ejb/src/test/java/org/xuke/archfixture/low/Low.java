package org.xuke.archfixture.low;

import org.xuke.archfixture.high.High;

/** Test fixture: a lower package that reaches up (the planted cycle ArchitectureTest must find). */
public class Low {

    public String up() {
        return new High().name();
    }
}
