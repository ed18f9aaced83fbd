package dev.featurestore.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.StreamObserver;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code grpcurl} command lines of the docs the way grpcurl does, for the flags they use
 * ({@code -plaintext}, {@code -d JSON}, {@code -H 'name: value'}, {@code host:port}, then {@code
 * list} or {@code service/method}): descriptors fetched from the server's reflection service, the
 * JSON request turned into a dynamic message, the reply printed as JSON. grpcurl itself is not
 * packaged by Debian, and this keeps the documented commands, not copies of them, under test.
 */
final class GrpcurlStandIn {
  private GrpcurlStandIn() {}

  /** The parts of a grpcurl command line. */
  record Command(boolean plaintext, String data, Map<String, String> headers, String target, String operation) {
    static Command parse(String line) {
      List<String> words = ShellWords.split(line);
      if (words.isEmpty() || !words.get(0).equals("grpcurl")) {
        throw new IllegalArgumentException("not a grpcurl command: " + line);
      }
      boolean plaintext = false;
      String data = null;
      Map<String, String> headers = new HashMap<>();
      List<String> positional = new ArrayList<>();
      for (int i = 1; i < words.size(); i++) {
        switch (words.get(i)) {
          case "-plaintext" -> plaintext = true;
          case "-d" -> data = words.get(++i);
          case "-H" -> {
            String header = words.get(++i);
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
          }
          default -> {
            if (words.get(i).startsWith("-")) {
              throw new IllegalArgumentException("grpcurl flag " + words.get(i) + " is not supported by the stand-in");
            }
            positional.add(words.get(i));
          }
        }
      }
      if (positional.size() != 2) {
        throw new IllegalArgumentException("expected host:port and a method or 'list' in: " + line);
      }
      return new Command(plaintext, data, headers, positional.get(0), positional.get(1));
    }
  }

  /**
   * Runs one command against {@code host:port} (the command's own target is replaced) and returns
   * what grpcurl would print; a non-OK status is thrown as grpc's StatusRuntimeException.
   */
  static String run(String line, String hostPort) throws Exception {
    Command command = Command.parse(line);
    if (!command.plaintext()) {
      throw new IllegalArgumentException("the documented commands talk plaintext; TLS is not supported here");
    }
    ManagedChannel channel = ManagedChannelBuilder.forTarget(hostPort).usePlaintext().build();
    try {
      Metadata metadata = new Metadata();
      command.headers().forEach((name, value) -> metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
      var intercepted = io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
      if (command.operation().equals("list")) {
        List<String> services = new ArrayList<>();
        for (ServiceResponse service : reflect(channel, ServerReflectionRequest.newBuilder().setListServices("").build())
            .getListServicesResponse().getServiceList()) {
          services.add(service.getName());
        }
        return String.join("\n", services.stream().sorted().toList());
      }
      String fullMethod = command.operation();
      int slash = fullMethod.lastIndexOf('/');
      String serviceName = fullMethod.substring(0, slash);
      MethodDescriptor method = service(channel, serviceName).findMethodByName(fullMethod.substring(slash + 1));
      if (method == null) {
        throw new IllegalArgumentException("service " + serviceName + " has no method " + fullMethod.substring(slash + 1));
      }
      DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
      JsonFormat.parser().merge(command.data() == null ? "{}" : command.data(), request);
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = io.grpc.MethodDescriptor
          .<DynamicMessage, DynamicMessage>newBuilder()
          .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(fullMethod)
          .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
          .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
          .build();
      DynamicMessage response = ClientCalls.blockingUnaryCall(
          intercepted, grpcMethod, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), request.build());
      return JsonFormat.printer().print(response);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The service's descriptor, built from the files the reflection service sends. */
  private static ServiceDescriptor service(ManagedChannel channel, String name)
      throws InterruptedException, InvalidProtocolBufferException, DescriptorValidationException {
    ServerReflectionResponse response =
        reflect(channel, ServerReflectionRequest.newBuilder().setFileContainingSymbol(name).build());
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
      protos.put(proto.getName(), proto);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto proto : protos.values()) {
      ServiceDescriptor service = build(proto, protos, built).findServiceByName(name.substring(name.lastIndexOf('.') + 1));
      if (service != null && service.getFullName().equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException("the server does not describe service " + name);
  }

  private static FileDescriptor build(FileDescriptorProto proto, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built) throws DescriptorValidationException {
    FileDescriptor done = built.get(proto.getName());
    if (done != null) {
      return done;
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      FileDescriptorProto dependencyProto = protos.get(dependency);
      if (dependencyProto == null) {
        throw new IllegalStateException("reflection did not send " + dependency + ", needed by " + proto.getName());
      }
      dependencies.add(build(dependencyProto, protos, built));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
    built.put(proto.getName(), file);
    return file;
  }

  private static ServerReflectionResponse reflect(ManagedChannel channel, ServerReflectionRequest request)
      throws InterruptedException {
    LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse response) {
            answers.add(response);
          }

          @Override
          public void onError(Throwable t) {
            answers.add(t);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(request);
    Object answer = answers.poll(30, TimeUnit.SECONDS);
    requests.onCompleted();
    if (answer instanceof ServerReflectionResponse response) {
      if (response.hasErrorResponse()) {
        throw new IllegalStateException("reflection: " + response.getErrorResponse().getErrorMessage());
      }
      return response;
    }
    throw new IllegalStateException("reflection failed: " + answer);
  }
}
