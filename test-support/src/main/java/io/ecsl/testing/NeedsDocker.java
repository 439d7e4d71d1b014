package io.ecsl.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs a running Docker engine (the runtime runs tasks as real containers). It carries
 * the tag {@code docker}, which the fast loop ({@code ./mvnw test -Pfast}) leaves out, and fails
 * at once, never skips, on a machine without it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExternalTools.DOCKER)
@ExtendWith(ExternalTools.Docker.class)
public @interface NeedsDocker {}
