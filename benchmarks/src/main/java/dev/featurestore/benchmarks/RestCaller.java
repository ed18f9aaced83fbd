package dev.featurestore.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /get-online-features} with Feast's JSON body, over a {@link PlainHttpConnection}. */
final class RestCaller implements Caller {
  private final PlainHttpConnection connection;
  private final List<byte[]> requests;
  private int checked;

  RestCaller(String host, int port, RequestSet set) throws IOException {
    this.connection = new PlainHttpConnection(host, port);
    List<byte[]> built = new ArrayList<>(set.restBodies().size());
    for (byte[] body : set.restBodies()) {
      built.add(PlainHttpConnection.post(host, port, "/get-online-features", body));
    }
    this.requests = built;
  }

  @Override
  public void call(int i) throws IOException {
    int status = connection.exchange(requests.get(i % RequestSet.POOL));
    if (status != 200) {
      throw new IllegalStateException("REST answered HTTP " + status + ": " + connection.lastBody());
    }
    if (checked < RequestSet.POOL) {
      checked++;
      if (connection.lastBody().contains("NOT_FOUND")) {
        throw new IllegalStateException("a value is missing from the REST answer");
      }
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
