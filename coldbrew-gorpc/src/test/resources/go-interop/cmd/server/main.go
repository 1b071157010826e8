// server: a go1.x function as aws-lambda-go's RPC mode serves it (rpc.Register of a Function type,
// rpc.Accept on $_LAMBDA_SERVER_PORT), for coldbrew's Java client in GoInteropIT.
package main

import (
	"errors"
	"fmt"
	"log"
	"net"
	"net/rpc"
	"os"

	"gorpcit/messages"
)

type Function struct{}

func (fn *Function) Ping(req *messages.PingRequest, resp *messages.PingResponse) error {
	*resp = messages.PingResponse{}
	return nil
}

func (fn *Function) Invoke(req *messages.InvokeRequest, resp *messages.InvokeResponse) error {
	switch string(req.Payload) {
	case "fields", "":
		resp.Payload = []byte(fmt.Sprintf("fields:%s|%s|%d|%d|%s|%s|%s|%s", req.RequestId, req.XAmznTraceId,
			req.Deadline.Seconds, req.Deadline.Nanos, req.InvokedFunctionArn, req.CognitoIdentityId,
			req.CognitoIdentityPoolId, req.ClientContext))
	case "fail":
		resp.Error = &messages.InvokeResponse_Error{
			Message: "boom", Type: "errorString", ShouldExit: true,
			StackTrace: []*messages.InvokeResponse_Error_StackFrame{
				{Path: "main.go", Line: 42, Label: "main.handler"},
				{Path: "x.go", Line: -1, Label: ""},
			},
		}
	case "rpcerr":
		return errors.New("method-level error")
	default:
		resp.Payload = req.Payload
	}
	return nil
}

func main() {
	lis, err := net.Listen("tcp", "127.0.0.1:"+os.Getenv("_LAMBDA_SERVER_PORT"))
	if err != nil {
		log.Fatal(err)
	}
	if err := rpc.Register(new(Function)); err != nil {
		log.Fatal(err)
	}
	rpc.Accept(lis)
}
