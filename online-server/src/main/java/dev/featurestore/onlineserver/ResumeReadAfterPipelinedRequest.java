package dev.featurestore.onlineserver;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.channel.ChannelOperations;

/**
 * Asks the channel for the next request when the end of a request reaches no exchange: works
 * around reactor/reactor-netty#4361 (Reactor Netty 1.2.18, the last 1.2 release and Spring Boot
 * 3.5's), where a kept-alive connection whose answers alternate between one written off the event
 * loop (a feature read) and one written on it (health, a 404, a malformed body) stops being read,
 * so the client's next request never gets an answer ({@code
 * OnlineServerIT.manyMixedRequestsOnOneKeptAliveConnectionAllComplete} timed out without this).
 * The console carries the same handler with the full account of the bug; the module rules keep
 * the two servers from sharing code, and this is the whole of it. Remove both with Reactor Netty
 * 1.3.
 */
@ChannelHandler.Sharable
final class ResumeReadAfterPipelinedRequest extends ChannelInboundHandlerAdapter {
  static final String NAME = "featurestore.resumeReadAfterPipelinedRequest";
  static final ResumeReadAfterPipelinedRequest INSTANCE = new ResumeReadAfterPipelinedRequest();

  private ResumeReadAfterPipelinedRequest() {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean orphan = msg instanceof LastHttpContent && ChannelOperations.get(ctx.channel()) == null;
    ctx.fireChannelRead(msg);
    if (orphan && ctx.channel().isActive()) {
      ctx.read();
    }
  }
}
