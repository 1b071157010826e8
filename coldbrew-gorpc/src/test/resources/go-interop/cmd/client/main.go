// client: Go's own net/rpc client playing Lambda's go1.x runtime against a function on
// 127.0.0.1:$_LAMBDA_SERVER_PORT. Prints one line per call; coldbrew's GoInteropIT asserts them.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/rpc"
	"os"
	"time"

	"gorpcit/messages"
)

func outcome(err error) string {
	if err == nil {
		return "ok"
	}
	return "err=" + err.Error()
}

func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%23)
	}
	return b
}

func main() {
	addr := "127.0.0.1:" + os.Getenv("_LAMBDA_SERVER_PORT")
	var client *rpc.Client
	var err error
	for i := 0; i < 2000; i++ { // dial with retry every 5 ms, as the go1.x runtime mocks do
		if client, err = rpc.Dial("tcp", addr); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	err = client.Call("Function.Ping", messages.PingRequest{}, &messages.PingResponse{})
	fmt.Printf("ping %s\n", outcome(err))

	var resp messages.InvokeResponse
	err = client.Call("Function.Invoke", &messages.InvokeRequest{
		Payload:               []byte("fields"),
		RequestId:             "req-1",
		XAmznTraceId:          "Root=1-abc",
		Deadline:              messages.InvokeRequest_Timestamp{Seconds: 1700000000, Nanos: 123000000},
		InvokedFunctionArn:    "arn:aws:lambda:eu-west-1:1:function:f",
		CognitoIdentityId:     "identity",
		CognitoIdentityPoolId: "pool",
		ClientContext:         []byte(`{"client":{}}`),
	}, &resp)
	fmt.Printf("fields %s payload=%s\n", outcome(err), resp.Payload)

	resp = messages.InvokeResponse{}
	err = client.Call("Function.Invoke", &messages.InvokeRequest{Payload: []byte("fail"), RequestId: "r2"}, &resp)
	printError("fail", err, resp)

	for _, label := range []string{"json", "json-plain"} {
		resp = messages.InvokeResponse{}
		err = client.Call("Function.Invoke", &messages.InvokeRequest{Payload: []byte(label)}, &resp)
		encoded, jsonErr := json.Marshal(resp.Error)
		if jsonErr != nil {
			log.Fatal(jsonErr)
		}
		fmt.Printf("%s %s %s\n", label, outcome(err), encoded)
	}

	resp = messages.InvokeResponse{}
	err = client.Call("Function.Invoke", &messages.InvokeRequest{Payload: []byte("crash")}, &resp)
	if resp.Error != nil {
		fmt.Printf("crash %s type=%s message=%s exit=%v frames>0=%v\n", outcome(err), resp.Error.Type,
			resp.Error.Message, resp.Error.ShouldExit, len(resp.Error.StackTrace) > 0)
	} else {
		fmt.Printf("crash %s no error\n", outcome(err))
	}

	err = client.Call("Function.Nope", messages.PingRequest{}, &messages.PingResponse{})
	fmt.Printf("nope %s\n", outcome(err))

	resp = messages.InvokeResponse{}
	err = client.Call("Function.Invoke", &messages.InvokeRequest{}, &resp)
	fmt.Printf("zero %s payload=%s error=%v\n", outcome(err), resp.Payload, resp.Error)

	for _, n := range []int{0, 1, 1024, 1 << 20, 6 << 20} {
		payload := pattern(n)
		resp = messages.InvokeResponse{}
		err = client.Call("Function.Invoke", &messages.InvokeRequest{Payload: payload, RequestId: "size"}, &resp)
		fmt.Printf("size %d %s equal=%v\n", n, outcome(err), bytes.Equal(resp.Payload, payload))
	}

	// 20 calls in flight at once on the one connection; replies are matched by sequence number.
	calls := make([]*rpc.Call, 0, 20)
	for i := 0; i < 20; i++ {
		req := &messages.InvokeRequest{Payload: []byte(fmt.Sprintf("p%d", i))}
		calls = append(calls, client.Go("Function.Invoke", req, &messages.InvokeResponse{}, nil))
	}
	matched := 0
	for i, call := range calls {
		<-call.Done
		if call.Error == nil && string(call.Reply.(*messages.InvokeResponse).Payload) == fmt.Sprintf("p%d", i) {
			matched++
		}
	}
	fmt.Printf("pipelined %d of %d matched\n", matched, len(calls))

	err = client.Call("Function.Ping", messages.PingRequest{}, &messages.PingResponse{})
	fmt.Printf("ping-again %s\n", outcome(err))
}

func printError(label string, err error, resp messages.InvokeResponse) {
	if resp.Error == nil {
		fmt.Printf("%s %s no error\n", label, outcome(err))
		return
	}
	e := resp.Error
	fmt.Printf("%s %s message=%s type=%s exit=%v frames=", label, outcome(err), e.Message, e.Type, e.ShouldExit)
	for _, f := range e.StackTrace {
		fmt.Printf("[%s:%d:%s]", f.Path, f.Line, f.Label)
	}
	fmt.Println()
}
