package io.ecsl.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs the real AWS CLI v1 ({@link AwsCli}), the judge of what ecsl emits. It carries
 * the tag {@code aws-cli}, which the fast loop ({@code ./mvnw test -Pfast}) leaves out, and fails
 * at once, never skips, on a machine without it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExternalTools.AWS_CLI)
@ExtendWith(ExternalTools.AwsCli.class)
public @interface NeedsAwsCli {}
