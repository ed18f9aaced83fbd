package dev.featurestore.adminui.web;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a blocking call (registry store, backends) on Reactor's elastic pool, off the event loop.
 * Controllers wait for the result themselves ({@code call(...).map(v -> { model.add...; return
 * view; })}) rather than putting Monos in the model, so views render from plain values.
 */
public final class Blocking {

  private Blocking() {}

  public static <T> Mono<T> call(Callable<T> callable) {
    return Mono.fromCallable(callable).subscribeOn(Schedulers.boundedElastic());
  }
}
