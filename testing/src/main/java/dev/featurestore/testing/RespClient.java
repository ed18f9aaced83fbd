package dev.featurestore.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal blocking Redis client speaking RESP2 over one socket, so the harness (and tests that
 * want to look at raw keys) need no client library. Not thread-safe: one client per thread.
 *
 * <p>Replies map to Java as: simple string → {@code String}, integer → {@code Long}, bulk string →
 * {@code String} from {@link #call(String...)} or {@code byte[]} from {@link
 * #callBinary(byte[]...)}, array → {@code List<Object>}, nil → {@code null}; an error reply throws
 * {@link RespErrorException}.
 */
public final class RespClient implements Closeable {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  /** Connects to {@code host:port}; fails fast when nothing listens there. */
  public static RespClient connect(String host, int port) {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      return new RespClient(socket);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port, e);
    }
  }

  /** Sends one command and returns its reply, bulk strings decoded as UTF-8. */
  public Object call(String... args) {
    return decodeStrings(
        callBinary(
            Arrays.stream(args)
                .map(arg -> arg.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new)));
  }

  /** Sends one command and returns its reply, bulk strings as raw bytes. */
  public Object callBinary(byte[]... args) {
    try {
      writeCommand(args);
      out.flush();
      return readReply();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis I/O failed", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private void writeCommand(byte[][] args) throws IOException {
    writeHeader('*', args.length);
    for (byte[] arg : args) {
      writeHeader('$', arg.length);
      out.write(arg);
      out.write('\r');
      out.write('\n');
    }
  }

  private void writeHeader(char type, int count) throws IOException {
    out.write(type);
    out.write(Integer.toString(count).getBytes(StandardCharsets.US_ASCII));
    out.write('\r');
    out.write('\n');
  }

  private Object readReply() throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new EOFException("Redis closed the connection");
    }
    String line = readLine();
    return switch (type) {
      case '+' -> line;
      case '-' -> throw new RespErrorException(line);
      case ':' -> Long.parseLong(line);
      case '$' -> readBulk(Integer.parseInt(line));
      case '*' -> readArray(Integer.parseInt(line));
      default -> throw new IOException("unexpected RESP type byte " + type + " before " + line);
    };
  }

  private byte[] readBulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] data = in.readNBytes(length);
    if (data.length < length || in.read() != '\r' || in.read() != '\n') {
      throw new EOFException("truncated bulk string");
    }
    return data;
  }

  private List<Object> readArray(int count) throws IOException {
    if (count < 0) {
      return null;
    }
    List<Object> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      try {
        items.add(readReply());
      } catch (RespErrorException e) {
        // An error inside an array (e.g. from EXEC) is a value, not a failure of the whole reply.
        items.add(e);
      }
    }
    return items;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b == -1) {
        throw new EOFException("Redis closed the connection mid-reply");
      }
      line.write(b);
    }
    if (in.read() != '\n') {
      throw new IOException("malformed RESP line");
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static Object decodeStrings(Object reply) {
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (reply instanceof List<?> list) {
      List<Object> decoded = new ArrayList<>(list.size());
      list.forEach(item -> decoded.add(decodeStrings(item)));
      return decoded;
    }
    return reply;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing useful to do about a failed close.
    }
  }
}
