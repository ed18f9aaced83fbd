package dev.featurestore.registry.repo;

/** Something module-level code may call: a Feast constructor, {@code timedelta}, a bound method. */
interface PyCallable {
  /** The name Python would show in a TypeError ("FeatureView", "timedelta", "with_name"). */
  String name();

  Object call(CallArguments arguments);
}
