package org.xuke.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an IT class that makes the people and records its tests need (enterprises,
 * accounts, e-keys). Not a test: {@link FixtureServlet} runs it once per run inside the server,
 * when the class asks in its {@code @BeforeAll} ({@link Fixtures#people}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface People {
}
