package main

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ErrorDomain is the ErrorInfo domain of the errors the gateway makes itself (crm-server's say crm.v2).
const ErrorDomain = "gateway.crm.v2"

// errorHandler answers every failed call with its google.rpc.Status as JSON (details included: importing
// errdetails registers BadRequest, ErrorInfo and RequestInfo, which the JSON of an Any needs) under the
// HTTP status of its code. A status the gateway made itself (crm-server's always carry an ErrorInfo) gets
// a BadRequest naming the field it could not read and an ErrorInfo, like crm-server's own refusals.
func errorHandler(ctx context.Context, mux *runtime.ServeMux, marshaler runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	var custom *runtime.HTTPStatusError
	inner := err
	if errors.As(err, &custom) {
		inner = custom.Err
	}
	st := status.Convert(inner)
	if len(st.Details()) == 0 && st.Code() == codes.InvalidArgument {
		st = withDetails(st, "MALFORMED_REQUEST", fieldOf(st.Message()), r)
		inner = st.Err()
	}
	if custom != nil {
		err = &runtime.HTTPStatusError{HTTPStatus: custom.HTTPStatus, Err: inner}
	} else {
		err = inner
	}
	runtime.DefaultHTTPErrorHandler(ctx, mux, marshaler, w, r, err)
}

// routingErrorHandler: an unknown path is 404 and a known path with another method 405, each with a JSON
// google.rpc.Status saying which path and method were asked for.
func routingErrorHandler(ctx context.Context, mux *runtime.ServeMux, marshaler runtime.Marshaler, w http.ResponseWriter, r *http.Request, httpStatus int) {
	var st *status.Status
	switch httpStatus {
	case http.StatusNotFound:
		st = status.Newf(codes.NotFound, "no REST path %s %s (docs/openapi/crm.swagger.json lists them)", r.Method, r.URL.Path)
		st = withInfo(st, "PATH_NOT_FOUND", r)
	case http.StatusMethodNotAllowed:
		st = status.Newf(codes.Unimplemented, "%s is not served on %s", r.Method, r.URL.Path)
		st = withInfo(st, "METHOD_NOT_ALLOWED", r)
	default:
		st = status.New(codes.InvalidArgument, http.StatusText(httpStatus))
		st = withDetails(st, "MALFORMED_REQUEST", "request", r)
	}
	errorHandler(ctx, mux, marshaler, w, r, &runtime.HTTPStatusError{HTTPStatus: httpStatus, Err: st.Err()})
}

func withInfo(st *status.Status, reason string, r *http.Request) *status.Status {
	detailed, err := st.WithDetails(&errdetails.ErrorInfo{
		Reason:   reason,
		Domain:   ErrorDomain,
		Metadata: map[string]string{"method": r.Method, "path": r.URL.Path},
	})
	if err != nil {
		return st
	}
	return detailed
}

func withDetails(st *status.Status, reason, field string, r *http.Request) *status.Status {
	detailed, err := st.WithDetails(
		&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{
			Field:       field,
			Description: st.Message(),
		}}},
		&errdetails.ErrorInfo{
			Reason:   reason,
			Domain:   ErrorDomain,
			Metadata: map[string]string{"method": r.Method, "path": r.URL.Path, "field": field},
		},
	)
	if err != nil {
		return st
	}
	return detailed
}

// The messages grpc-gateway and protojson give for what they could not read, and where they name the
// field: JSON bodies (protojson names it in camelCase), query parameters and path variables.
var fieldPatterns = []*regexp.Regexp{
	regexp.MustCompile(`invalid value for [\w ]+ field (\w+)`),
	regexp.MustCompile(`unknown field "?([\w.]+)"?`),
	regexp.MustCompile(`duplicate field "?([\w.]+)"?`),
	regexp.MustCompile(`parsing (?:field|list) "([\w.]+)"`),
	regexp.MustCompile(`too many values for field "([\w.]+)"`),
	regexp.MustCompile(`parameter: "?([\w.]+)"?`),
	regexp.MustCompile(`missing parameter "?([\w.]+)"?`),
	regexp.MustCompile(`invalid path: "([\w.]+)"`),
}

// fieldOf names the field an error message is about, as the .proto spells it; `body` when the JSON itself
// does not parse (no field can be named).
func fieldOf(message string) string {
	for _, pattern := range fieldPatterns {
		if match := pattern.FindStringSubmatch(message); match != nil {
			return snake(match[1])
		}
	}
	return "body"
}

func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r - 'A' + 'a')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
