package dev.featurestore.adminui.lookup;

import java.util.Map;

/** The lookup backend of a console started without an online server. */
public final class NotConnectedLookupBackend implements LookupBackend {

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public LookupResult lookup(String featureService, Map<String, String> entityKeys) {
    return LookupResult.unavailable("The online server is not connected to this console.");
  }
}
