package dev.jgrad.autograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code @once_differentiable}, for a {@link Function}'s {@code backward}: it runs with grad
 * disabled, and when a caller asked for a differentiable gradient ({@code createGraph}), differentiating
 * that gradient again throws "trying to differentiate twice a function that was marked with
 * {@code @once_differentiable}" instead of silently giving zero.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnceDifferentiable {}
