package dev.featurestore.adminui.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.channel.ChannelOperations;

/**
 * Asks the channel for the next request when the end of a request reaches no request handler.
 * Works around a Reactor Netty 1.2 bug (reactor/reactor-netty#4361, fixed upstream after 1.2.18,
 * the last 1.2 release, which Spring Boot 3.5 uses) that stopped reading a kept-alive connection
 * after about one request in 50, so the client's next request never got an answer:
 *
 * <ol>
 *   <li>A page whose controller finishes off the event loop ({@link Blocking}, the login's
 *       password check) is written; the client reads it and sends its next request before the
 *       server has wound that exchange up, so {@code HttpTrafficHandler} queues the request and
 *       its empty {@code LastHttpContent}.
 *   <li>When the first exchange ends, the queue is drained: the queued request is dispatched and,
 *       if it is answered at once on the event loop (a static file, the login page, a list page),
 *       it ends inside the drain. Its end sees the queue still holding the {@code LastHttpContent}
 *       and schedules another drain instead of reading.
 *   <li>The drain passes the {@code LastHttpContent} on to no handler ("No ChannelOperation
 *       attached") and stops; the scheduled drain finds nothing. No one calls {@code read()}
 *       (reads are on demand), so the third request sits in the socket until the client gives up.
 * </ol>
 *
 * Installed just before Reactor Netty's bridge: when a {@code LastHttpContent} arrives while no
 * exchange is attached, the channel is asked to read. In every other case Reactor Netty reads by
 * itself, and a second {@code read()} request is harmless.
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
