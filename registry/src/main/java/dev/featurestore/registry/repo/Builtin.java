package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/** A callable defined by a signature and a body over the bound arguments. */
record Builtin(Signature signature, Function<BoundArguments, Object> body) implements PyCallable {
  Builtin {
    requireNonNull(signature, "signature is null");
    requireNonNull(body, "body is null");
  }

  @Override
  public String name() {
    return signature.callee();
  }

  @Override
  public Object call(CallArguments arguments) {
    return body.apply(signature.bind(arguments));
  }
}
