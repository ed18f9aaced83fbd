package dev.featurestore.testing;

/** The chosen port was taken between picking it and the server binding it: pick another. */
final class PortInUseException extends RuntimeException {
  PortInUseException(String server, int port) {
    super(server + " could not bind port " + port + ": taken by someone else");
  }
}
