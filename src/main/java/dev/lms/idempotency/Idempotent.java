package dev.lms.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that honours the {@code Idempotency-Key} request header: see {@link IdempotencyInterceptor}.
 * Every authenticated POST carries it ({@code IdempotentPostsTest} checks), never the token endpoint.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    String HEADER = "Idempotency-Key";

    /** Set on a response that repeats the outcome stored for the key (as Stripe names it). */
    String REPLAYED = "Idempotent-Replayed";
}
