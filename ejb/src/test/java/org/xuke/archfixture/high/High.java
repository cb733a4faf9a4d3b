package org.xuke.archfixture.high;

import org.xuke.archfixture.low.Low;

/** Test fixture: a higher package using the lower one, closing the planted cycle. */
public class High {

    public String name() {
        return "high";
    }

    public String down() {
        return new Low().up();
    }
}
