package org.anchormarket.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.anchormarket.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * One service behind the gateway: where its requests go, and how the gateway protects callers from it and it from
 * callers. Every request gets a connection within the connect timeout (else 503) and its answer within the read
 * timeout (else 504); a caller who hangs up takes its upstream request with it, so the pooled connection is given
 * back (wrk closing 50 connections mid-request once left a route waiting for ever on a pool of leaked connections).
 * Idempotent requests are retried when the service refused the connection. A circuit breaker (Vert.x) opens after
 * {@code circuit-failures} refused connections, read timeouts or 503s within its rolling window (10 s), and then
 * answers 503 at once, with Retry-After, until the service is tried again; every other route keeps working. Each answer is counted and timed
 * per route ({@code gateway_route_requests_seconds}, tagged route, method and status).
 */
final class ServiceRoute implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceRoute.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    /** The methods the metrics name; any other (a caller may invent them) is counted as OTHER. */
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** A service's own answer that means it cannot serve now (counts towards opening its circuit). */
    private static final Set<Integer> UNAVAILABLE = Set.of(503);

    private final String name;
    private final String service;
    private final SocketAddress origin;
    private final GatewayConfig.Upstream upstream;
    private final Vertx vertx;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final java.util.function.ToLongFunction<String> bodyLimit;

    ServiceRoute(String name, SocketAddress origin, GatewayConfig.Upstream upstream, Vertx vertx,
            MeterRegistry meters, java.util.function.ToLongFunction<String> bodyLimit) {
        this.name = name;
        this.service = name + " service";
        this.origin = origin;
        this.upstream = upstream;
        this.vertx = vertx;
        this.meters = meters;
        this.bodyLimit = bodyLimit;
        this.breaker = CircuitBreaker.create("route-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(upstream.circuitFailures())
                .setResetTimeout(upstream.circuitOpenFor().toMillis())
                .setTimeout(-1) // the connect and read timeouts bound each call
                .setFallbackOnFailure(false)
                .setNotificationAddress(null));
        breaker.openHandler(v -> LOG.warnf("Route %s: circuit open for %s, answering 503 until then", name,
                upstream.circuitOpenFor()));
        breaker.closeHandler(v -> LOG.infof("Route %s: circuit closed, the service answers again", name));
    }

    /** The state of this route's circuit: CLOSED, OPEN or HALF_OPEN. */
    String circuit() {
        return breaker.state().name();
    }

    // A connection to the service, for this request

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        int attempts = IDEMPOTENT.contains(incoming.method()) ? Math.max(1, upstream.idempotentAttempts()) : 1;
        return connect(context.client(), attempts).compose(request -> tieTo(incoming.response(), request));
    }

    private Future<HttpClientRequest> connect(HttpClient client, int attemptsLeft) {
        // This timeout covers the wait for a pooled connection as well as opening one (the client's own
        // connect timeout bounds the opening): a crowd waits its turn for the pool instead of being refused.
        RequestOptions options = new RequestOptions().setServer(origin)
                .setConnectTimeout(upstream.poolWaitTimeout().toMillis())
                .setIdleTimeout(upstream.readTimeout().toMillis());
        return client.request(options).recover(failure -> {
            if (attemptsLeft > 1 && refused(failure)) {
                Promise<HttpClientRequest> again = Promise.promise();
                vertx.setTimer(100, t -> connect(client, attemptsLeft - 1).onComplete(again));
                return again.future();
            }
            return Future.failedFuture(failure);
        });
    }

    /**
     * A caller that hung up while the gateway checked its token or waited for a connection gives the connection
     * straight back. (Once the request is sent, the proxy resets it when the caller goes.)
     */
    private static Future<HttpClientRequest> tieTo(HttpServerResponse caller, HttpClientRequest request) {
        if (caller.closed() || caller.ended()) {
            request.reset();
            return Future.failedFuture(new CallerGone());
        }
        // A caller hanging up resets the request: expected, not an error to log
        request.exceptionHandler(failure -> LOG.debugf("Upstream request ended: %s", failure));
        return Future.succeededFuture(request);
    }

    // The exchange, guarded by the circuit breaker, timed, and refusals turned into problem details

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        long start = System.nanoTime();
        HttpServerRequest incoming = context.request().proxiedRequest();
        LimitedBody limited = countBody(context, incoming);
        AtomicReference<ProxyResponse> answer = new AtomicReference<>();
        Future<ProxyResponse> exchange = breaker.<ProxyResponse>execute(promise -> context.sendRequest()
                .onComplete(ar -> {
                    if (ar.failed() && limited != null && limited.exceeded()) {
                        context.set(TOO_LARGE, Boolean.TRUE);
                        promise.complete(tooLarge(context, incoming, limited.limit()));
                        return;
                    }
                    if (ar.failed() && serviceFailure(ar.cause())) {
                        promise.fail(ar.cause());
                        return;
                    }
                    if (ar.failed()) {
                        // A caller who hung up, a reset: answered, but not held against the service
                        promise.complete(refusal(context, ar.cause()));
                        return;
                    }
                    answer.set(ar.result());
                    if (UNAVAILABLE.contains(ar.result().getStatusCode())) {
                        promise.fail(new UnavailableAnswer(ar.result().getStatusCode()));
                    } else {
                        promise.complete(ar.result());
                    }
                }))
                .recover(failure -> answer.get() != null ? Future.succeededFuture(answer.get())
                        : Future.succeededFuture(refusal(context, failure)));
        return exchange.onSuccess(response -> Timer.builder("gateway.route.requests")
                .description("Requests through the gateway, by route, until the service's answer began")
                .tag("route", name)
                .tag("method", METHODS.contains(incoming.method()) ? incoming.method().name() : "OTHER")
                .tag("status", Integer.toString(response.getStatusCode()))
                .publishPercentileHistogram()
                .register(meters).record(Duration.ofNanos(System.nanoTime() - start)));
    }

    /** A body of no declared length (chunked) is counted as it streams; BodyLimits refused declared ones. */
    private LimitedBody countBody(ProxyContext context, HttpServerRequest incoming) {
        Body body = context.request().getBody();
        if (body == null || incoming.getHeader(io.vertx.core.http.HttpHeaders.CONTENT_LENGTH) != null) {
            return null;
        }
        LimitedBody limited = new LimitedBody(body.stream(),
                bodyLimit.applyAsLong(io.vertx.core.http.impl.HttpUtils.normalizePath(incoming.path())));
        context.request().setBody(Body.body(limited, -1));
        return limited;
    }

    /** The context's mark of a request refused for its body's size: its connection closes after the answer. */
    private static final String TOO_LARGE = "anchor.body-too-large";

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            return sent.onComplete(done -> RefusedBodies.closeAfterDraining(vertx, incoming));
        }
        return sent;
    }

    /**
     * The caller's body went past the limit: the service's request was reset; the caller is told so, and its
     * connection closed after the answer (handleProxyResponse), since the rest of the body is not wanted.
     */
    private ProxyResponse tooLarge(ProxyContext context, HttpServerRequest incoming, long limit) {
        LOG.infof("Route %s: %s %s refused, its body went past %d bytes", name, incoming.method(), incoming.path(),
                limit);
        ProxyResponse response = context.request().release().response();
        response.headers().clear();
        return response.setStatusCode(413).setStatusMessage("Content Too Large")
                .putHeader("Content-Type", GatewayProblems.MEDIA_TYPE).putHeader("Connection", "close")
                .setBody(Body.body(GatewayProblems.body(413, "Content Too Large", "The body went past " + limit
                        + " bytes, the most this address takes.")));
    }

    private ProxyResponse refusal(ProxyContext context, Throwable failure) {
        int status;
        String title;
        String detail;
        String retryAfter = "5";
        if (failure instanceof OpenCircuitException) {
            status = 503;
            title = "Service Unavailable";
            detail = "The " + service + " is not answering; the gateway will try it again shortly.";
            retryAfter = Long.toString(Math.max(1, upstream.circuitOpenFor().toSeconds()));
        } else if (failure instanceof ConnectionPoolTooBusyException) {
            status = 503;
            title = "Service Unavailable";
            detail = "Too many requests are waiting for the " + service + ". Try again shortly.";
        } else if (failure instanceof TimeoutException && failure.getMessage() != null
                && failure.getMessage().contains("getting a connection")) {
            status = 503;
            title = "Service Unavailable";
            detail = "The " + service + " is busy; no connection to it came free in time. Try again shortly.";
        } else if (failure instanceof TimeoutException) {
            status = 504;
            title = "Gateway Timeout";
            detail = "The " + service + " did not answer within " + upstream.readTimeout().toSeconds() + " s.";
        } else if (refused(failure)) {
            status = 503;
            title = "Service Unavailable";
            detail = "The " + service + " is not running or not reachable. Try again shortly.";
        } else {
            status = 502;
            title = "Bad Gateway";
            detail = "The " + service + " closed the connection before answering.";
        }
        if (serviceFailure(failure) || failure instanceof ConnectionPoolTooBusyException
                || failure instanceof TimeoutException) {
            LOG.warnf("Route %s: %s %s answered %d: %s", name, context.request().getMethod(),
                    context.request().getURI(), status, failure.toString());
        }
        ProxyResponse response = context.request().release().response();
        response.headers().clear();
        response.setStatusCode(status).setStatusMessage(title)
                .putHeader("Content-Type", GatewayProblems.MEDIA_TYPE)
                .setBody(Body.body(GatewayProblems.body(status, title, detail)));
        if (status == 503) {
            response.putHeader("Retry-After", retryAfter);
        }
        return response;
    }

    /**
     * Failures that say the service cannot serve now, counted towards opening its circuit: it refused the
     * connection, or went silent past the read timeout. The gateway's own pool being busy is not held against it.
     */
    private static boolean serviceFailure(Throwable failure) {
        return refused(failure) || failure instanceof TimeoutException && (failure.getMessage() == null
                || !failure.getMessage().contains("getting a connection"));
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
    }

    /** The caller hung up before the service was called. */
    private static final class CallerGone extends RuntimeException {
        CallerGone() {
            super("the caller hung up", null, false, false);
        }
    }

    /** The service answered, but with a status that means it cannot serve (counted against its circuit). */
    private static final class UnavailableAnswer extends RuntimeException {
        UnavailableAnswer(int status) {
            super("answered " + status, null, false, false);
        }
    }
}
