// gofn: a go1.x function as Lambda's go1.x runtime runs one, written against Go's net/rpc directly. It serves
// Function.Ping and Function.Invoke on localhost:$_LAMBDA_SERVER_PORT; coldbrew-local's Go1xIT drives it.
package main

import (
	"fmt"
	"log"
	"net"
	"net/rpc"
	"os"
	"strings"
	"time"

	"go1xfn/messages"
)

type Function struct{}

func (f *Function) Ping(req *messages.PingRequest, resp *messages.PingResponse) error {
	*resp = messages.PingResponse{}
	return nil
}

func (f *Function) Invoke(req *messages.InvokeRequest, resp *messages.InvokeResponse) error {
	event := string(req.Payload)
	fmt.Printf("gofn handling %s\n", req.RequestId)
	switch {
	case event == "fields":
		deadlineLeft := time.Until(time.Unix(req.Deadline.Seconds, req.Deadline.Nanos)) > 0
		resp.Payload = []byte(strings.Join([]string{req.RequestId, req.InvokedFunctionArn,
			fmt.Sprint(deadlineLeft), fmt.Sprint(strings.HasPrefix(req.XAmznTraceId, "Root=1-")),
			string(req.ClientContext), os.Getenv("_HANDLER"), os.Getenv("AWS_LAMBDA_FUNCTION_NAME"),
			os.Getenv("AWS_EXECUTION_ENV")}, "|"))
	case event == "pid":
		resp.Payload = []byte(fmt.Sprint(os.Getpid()))
	case event == "fail":
		resp.Error = &messages.InvokeResponse_Error{Message: "boom", Type: "errorString",
			StackTrace: []*messages.InvokeResponse_Error_StackFrame{{Path: "main.go", Line: 42, Label: "main.handler"}}}
	case event == "panic":
		resp.Error = &messages.InvokeResponse_Error{Message: "runtime error: index out of range", Type: "runtimeError",
			StackTrace: []*messages.InvokeResponse_Error_StackFrame{{Path: "main.go", Line: 7, Label: "main.main"}},
			ShouldExit: true}
	case event == "sleep":
		time.Sleep(60 * time.Second)
	case event == "crash":
		os.Exit(3)
	default:
		resp.Payload = req.Payload
	}
	return nil
}

func main() {
	port := os.Getenv("_LAMBDA_SERVER_PORT")
	listener, err := net.Listen("tcp", "localhost:"+port)
	if err != nil {
		log.Fatal(err)
	}
	if err := rpc.Register(new(Function)); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gofn listening on %s\n", port)
	rpc.Accept(listener)
}
