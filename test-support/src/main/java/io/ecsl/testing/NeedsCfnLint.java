package io.ecsl.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs {@code cfn-lint}, the judge of the CloudFormation templates. It carries the tag
 * {@code cfn-lint}, which the fast loop ({@code ./mvnw test -Pfast}) leaves out, and fails at
 * once, never skips, on a machine without it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExternalTools.CFN_LINT)
@ExtendWith(ExternalTools.CfnLint.class)
public @interface NeedsCfnLint {}
