package dev.featurestore.cli.sample;

/**
 * Hears how a {@link SampleDataGenerator} run goes. Called on the generating thread; both methods
 * do nothing by default.
 */
public interface SampleDataListener {
  SampleDataListener NONE = new SampleDataListener() {};

  /** Called every {@link SampleDataGenerator#PROGRESS_STEP} entities while a table is generated. */
  default void onProgress(String table, long entitiesDone, long entitiesTotal) {}

  /** Called once a file is complete and in place. */
  default void onFileWritten(GeneratedFile file) {}
}
