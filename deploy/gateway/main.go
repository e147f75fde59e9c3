// Command crm-gateway is the REST face of crm-server: grpc-gateway transcodes JSON over HTTP/1.1 to the
// gRPC services of the contract, by the google.api.http bindings of protos/crm/v2 (the one source of the
// paths; docs/openapi/crm.swagger.json describes them). It holds no logic of its own: every request
// becomes one gRPC call, and every error is the call's google.rpc.Status, as JSON, under the HTTP status
// of its code. Errors the gateway makes itself (no such path, a body or parameter that does not parse)
// have the same shape, with a BadRequest naming the field and an ErrorInfo.
//
//	crm-gateway [-listen 127.0.0.1:8080] [-target 127.0.0.1:8004] [-ca-cert F [-client-cert F -client-key F]]
//
// The environment sets the defaults: GATEWAY_HOST, GATEWAY_PORT (0 picks a free port), CRM_TARGET,
// GATEWAY_CA_CERT, GATEWAY_CLIENT_CERT, GATEWAY_CLIENT_KEY, GATEWAY_SERVER_NAME. Without a CA the
// connection to crm-server is plaintext (as `make run` serves it); with one, TLS, and with a client
// certificate, mutual TLS. Once listening it prints `crm-gateway listening on http://HOST:PORT`.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/encoding/protojson"

	crmv2 "crm.internal/gateway/gen/crm/v2"
)

// register binds every service of the contract; a service missing here has no REST paths (the e2e test
// calls one path of each).
var register = []func(context.Context, *runtime.ServeMux, *grpc.ClientConn) error{
	crmv2.RegisterAnalyticsServiceHandler,
	crmv2.RegisterContactServiceHandler,
	crmv2.RegisterDealServiceHandler,
	crmv2.RegisterEventServiceHandler,
	crmv2.RegisterIntelligenceServiceHandler,
	crmv2.RegisterInventoryServiceHandler,
	crmv2.RegisterLeadServiceHandler,
	crmv2.RegisterOrderServiceHandler,
	crmv2.RegisterProductServiceHandler,
	crmv2.RegisterPrototypeRestServiceHandler,
	crmv2.RegisterPurchaseOrderServiceHandler,
	crmv2.RegisterSourcingServiceHandler,
	crmv2.RegisterSupplierServiceHandler,
	crmv2.RegisterSupplyServiceHandler,
	crmv2.RegisterSystemServiceHandler,
	crmv2.RegisterWorkflowServiceHandler,
}

func main() {
	listen := flag.String("listen", net.JoinHostPort(env("GATEWAY_HOST", "127.0.0.1"), env("GATEWAY_PORT", "8080")), "host:port to serve HTTP on")
	target := flag.String("target", env("CRM_TARGET", "127.0.0.1:8004"), "host:port of crm-server")
	caCert := flag.String("ca-cert", os.Getenv("GATEWAY_CA_CERT"), "PEM CA that signed crm-server's certificate (TLS); empty: plaintext")
	clientCert := flag.String("client-cert", os.Getenv("GATEWAY_CLIENT_CERT"), "PEM client certificate for mutual TLS")
	clientKey := flag.String("client-key", os.Getenv("GATEWAY_CLIENT_KEY"), "PEM key of -client-cert")
	serverName := flag.String("server-name", os.Getenv("GATEWAY_SERVER_NAME"), "name to verify crm-server's certificate against (default: the target's host)")
	flag.Parse()
	if err := run(*listen, *target, backendTLS{*caCert, *clientCert, *clientKey, *serverName}); err != nil {
		fmt.Fprintln(os.Stderr, "crm-gateway:", err)
		os.Exit(1)
	}
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

type backendTLS struct{ ca, cert, key, serverName string }

func (b backendTLS) credentials() (credentials.TransportCredentials, error) {
	if b.ca == "" {
		if b.cert != "" || b.key != "" {
			return nil, errors.New("a client certificate needs -ca-cert (GATEWAY_CA_CERT) too")
		}
		return insecure.NewCredentials(), nil
	}
	pem, err := os.ReadFile(b.ca)
	if err != nil {
		return nil, fmt.Errorf("GATEWAY_CA_CERT: %w", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("GATEWAY_CA_CERT: no PEM certificate in %s", b.ca)
	}
	config := &tls.Config{RootCAs: roots, ServerName: b.serverName, MinVersion: tls.VersionTLS12}
	if b.cert != "" || b.key != "" {
		pair, err := tls.LoadX509KeyPair(b.cert, b.key)
		if err != nil {
			return nil, fmt.Errorf("GATEWAY_CLIENT_CERT/GATEWAY_CLIENT_KEY: %w", err)
		}
		config.Certificates = []tls.Certificate{pair}
	}
	return credentials.NewTLS(config), nil
}

func run(listen, target string, backend backendTLS) error {
	creds, err := backend.credentials()
	if err != nil {
		return err
	}
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(creds))
	if err != nil {
		return fmt.Errorf("CRM_TARGET %q: %w", target, err)
	}
	defer conn.Close()

	mux := newMux(conn)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	for _, add := range register {
		if err := add(ctx, mux, conn); err != nil {
			return err
		}
	}

	listener, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("GATEWAY_HOST/GATEWAY_PORT %q: %w", listen, err)
	}
	server := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("crm-gateway listening on http://%s, proxying to %s\n", listener.Addr(), target)
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	log.Print("crm-gateway: stopping")
	return server.Shutdown(shutdown)
}

func newMux(conn *grpc.ClientConn) *runtime.ServeMux {
	// The contract's field names as the .proto spells them (tenant_id, not tenantId), and every field,
	// zeros included: the prototype's callers read `summary.critical_alerts` even when it is 0.
	json := &runtime.JSONPb{
		MarshalOptions:   protojson.MarshalOptions{UseProtoNames: true, EmitUnpopulated: true},
		UnmarshalOptions: protojson.UnmarshalOptions{DiscardUnknown: false},
	}
	return runtime.NewServeMux(
		runtime.WithMarshalerOption(runtime.MIMEWildcard, json),
		runtime.WithIncomingHeaderMatcher(incomingHeader),
		runtime.WithOutgoingHeaderMatcher(outgoingHeader),
		runtime.WithErrorHandler(errorHandler),
		runtime.WithRoutingErrorHandler(routingErrorHandler),
		runtime.WithHealthzEndpoint(grpc_health_v1.NewHealthClient(conn)),
	)
}

// incomingHeader passes the caller's request id to crm-server under its own name (it answers with it and
// logs it); Authorization and the other standard headers pass as grpc-gateway passes them.
func incomingHeader(key string) (string, bool) {
	if strings.EqualFold(key, "x-request-id") {
		return "x-request-id", true
	}
	return runtime.DefaultHeaderMatcher(key)
}

func outgoingHeader(key string) (string, bool) {
	if key == "x-request-id" {
		return "X-Request-Id", true
	}
	return fmt.Sprintf("%s%s", runtime.MetadataHeaderPrefix, key), true
}
