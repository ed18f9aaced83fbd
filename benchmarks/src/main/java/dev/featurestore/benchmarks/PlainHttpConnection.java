package dev.featurestore.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 client on one blocking socket: writes pre-built request bytes and
 * reads the answer on the caller's own thread. Chosen over {@code java.net.http.HttpClient}, whose
 * selector thread and executor add two thread hops per call on the client side, which on a 2-core
 * machine would be charged to the server. Understands Content-Length and chunked bodies only.
 */
final class PlainHttpConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final StringBuilder line = new StringBuilder(128);
  private byte[] body = new byte[64 * 1024];
  private int bodyLength;

  PlainHttpConnection(String host, int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  /** The bytes of a POST of {@code body} as JSON, built once per request. */
  static byte[] post(String host, int port, String path, byte[] body) {
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** Sends one request and reads the whole answer; returns the status code. */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String status = readLine();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      if (name.equalsIgnoreCase("content-length")) {
        length = Integer.parseInt(header.substring(colon + 1).trim());
      } else if (name.equalsIgnoreCase("transfer-encoding")) {
        chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
      }
    }
    bodyLength = 0;
    if (chunked) {
      for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
        readBody(size);
        readLine();
      }
      readLine();
    } else if (length >= 0) {
      readBody(length);
    } else {
      throw new IOException("answer without Content-Length or chunked encoding: cannot keep the connection");
    }
    return code;
  }

  private void readBody(int length) throws IOException {
    if (body.length < bodyLength + length) {
      body = java.util.Arrays.copyOf(body, Math.max(bodyLength + length, body.length * 2));
    }
    int read = in.readNBytes(body, bodyLength, length);
    if (read != length) {
      throw new IOException("connection closed after " + read + " of " + length + " body bytes");
    }
    bodyLength += length;
  }

  /** The last answer's body as text (for checks outside the measured loop). */
  String lastBody() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  private String readLine() throws IOException {
    line.setLength(0);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the benchmark is over.
    }
  }
}
