package dev.featurestore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the featurestore command in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = FeatureStoreCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
