package dev.featurestore.onlineserver.grpc;

import io.grpc.Attributes;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a request whose bytes do not parse with INVALID_ARGUMENT. grpc-java parses requests
 * before any handler or interceptor runs and turns a parse failure into UNKNOWN ("Application
 * error processing RPC"); here every method receives raw bytes and parses them itself, so a
 * malformed request is the caller's error, named as such, like malformed JSON over REST.
 */
final class ParseFailureAsInvalidArgument {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private ParseFailureAsInvalidArgument() {}

  static ServerServiceDefinition wrap(BindableService service) {
    ServerServiceDefinition definition = service.bindService();
    ServiceDescriptor original = definition.getServiceDescriptor();
    List<ServerMethodDefinition<byte[], ?>> methods = new ArrayList<>();
    // The schema descriptor stays, so server reflection still describes the typed service.
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
      ServerMethodDefinition<byte[], ?> raw = wrap(method);
      methods.add(raw);
      descriptor.addMethod(raw.getMethodDescriptor());
    }
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(builder::addMethod);
    return builder.build();
  }

  private static <ReqT, RespT> ServerMethodDefinition<byte[], RespT> wrap(ServerMethodDefinition<ReqT, RespT> method) {
    MethodDescriptor<ReqT, RespT> typed = method.getMethodDescriptor();
    MethodDescriptor<byte[], RespT> raw = typed.toBuilder(BYTES, typed.getResponseMarshaller()).build();
    ServerCallHandler<byte[], RespT> handler = (call, headers) -> {
      ServerCall.Listener<ReqT> inner = method.getServerCallHandler().startCall(new TypedCall<>(call, typed), headers);
      return new ServerCall.Listener<>() {
        private boolean rejected;

        @Override
        public void onMessage(byte[] bytes) {
          ReqT request;
          try {
            request = typed.parseRequest(new ByteArrayInputStream(bytes));
          } catch (RuntimeException e) {
            rejected = true;
            call.close(Status.INVALID_ARGUMENT.withDescription(
                "malformed request: the bytes are not a " + typed.getFullMethodName() + " request message"),
                new Metadata());
            return;
          }
          inner.onMessage(request);
        }

        @Override
        public void onHalfClose() {
          if (!rejected) {
            inner.onHalfClose();
          }
        }

        @Override
        public void onCancel() {
          inner.onCancel();
        }

        @Override
        public void onComplete() {
          inner.onComplete();
        }

        @Override
        public void onReady() {
          inner.onReady();
        }
      };
    };
    return ServerMethodDefinition.create(raw, handler);
  }

  /** The call as the generated handler expects it: typed requests, the same responses. */
  private static final class TypedCall<ReqT, RespT> extends ServerCall<ReqT, RespT> {
    private final ServerCall<byte[], RespT> call;
    private final MethodDescriptor<ReqT, RespT> method;

    TypedCall(ServerCall<byte[], RespT> call, MethodDescriptor<ReqT, RespT> method) {
      this.call = call;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      call.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      call.sendHeaders(headers);
    }

    @Override
    public void sendMessage(RespT message) {
      call.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      call.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      call.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      call.setCompression(compressor);
    }

    @Override
    public Attributes getAttributes() {
      return call.getAttributes();
    }

    @Override
    public String getAuthority() {
      return call.getAuthority();
    }

    @Override
    public MethodDescriptor<ReqT, RespT> getMethodDescriptor() {
      return method;
    }
  }
}
