// client: Go's own net/rpc client playing Lambda's go1.x runtime against a coldbrew function served through the
// JNI bridge on 127.0.0.1:$_LAMBDA_SERVER_PORT. Prints one line per call; GoNetRpcClientIT asserts them.
package main

import (
	"bytes"
	"fmt"
	"log"
	"net/rpc"
	"os"
	"time"
)

// The go1.x messages (aws-lambda-go's lambda/messages), as gob matches them: by field name.
type PingRequest struct{}
type PingResponse struct{}
type InvokeRequest_Timestamp struct {
	Seconds int64
	Nanos   int64
}
type InvokeRequest struct {
	Payload               []byte
	RequestId             string
	XAmznTraceId          string
	Deadline              InvokeRequest_Timestamp
	InvokedFunctionArn    string
	CognitoIdentityId     string
	CognitoIdentityPoolId string
	ClientContext         []byte
}
type InvokeResponse struct {
	Payload []byte
	Error   *InvokeResponse_Error
}
type InvokeResponse_Error struct {
	Message    string
	Type       string
	StackTrace []*InvokeResponse_Error_StackFrame
	ShouldExit bool
}
type InvokeResponse_Error_StackFrame struct {
	Path  string
	Line  int32
	Label string
}

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

func deadline() InvokeRequest_Timestamp {
	d := time.Now().Add(time.Minute)
	return InvokeRequest_Timestamp{Seconds: d.Unix(), Nanos: int64(d.Nanosecond())}
}

func invoke(client *rpc.Client, req *InvokeRequest) (InvokeResponse, error) {
	var resp InvokeResponse
	err := client.Call("Function.Invoke", req, &resp)
	return resp, err
}

func describeError(e *InvokeResponse_Error) string {
	if e == nil {
		return "no error"
	}
	s := fmt.Sprintf("message=%s type=%s exit=%v frames=%d", e.Message, e.Type, e.ShouldExit, len(e.StackTrace))
	if len(e.StackTrace) > 0 {
		f := e.StackTrace[0]
		s += fmt.Sprintf(" first=[%s:%v:%s]", f.Path, f.Line > 0, f.Label)
	}
	return s
}

func main() {
	addr := "127.0.0.1:" + os.Getenv("_LAMBDA_SERVER_PORT")
	var client *rpc.Client
	var err error
	for i := 0; i < 12000; i++ { // dial with retry every 5 ms, as the go1.x runtime mocks do
		if client, err = rpc.Dial("tcp", addr); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	for i := 0; ; i++ { // ping until the function answers
		if err = client.Call("Function.Ping", PingRequest{}, &PingResponse{}); err == nil || i == 1000 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Printf("ping %s\n", outcome(err))

	resp, err := invoke(client, &InvokeRequest{
		Payload:               []byte("fields"),
		RequestId:             "req-1",
		XAmznTraceId:          "Root=1-abc",
		Deadline:              InvokeRequest_Timestamp{Seconds: 1700000000, Nanos: 123000000},
		InvokedFunctionArn:    "arn:aws:lambda:eu-west-1:1:function:f\u00e9\U0001F600",
		CognitoIdentityId:     "identity",
		CognitoIdentityPoolId: "pool",
		ClientContext:         []byte(`{"custom":{"k":"v"}}`),
	})
	fmt.Printf("fields %s payload=%s error=%v\n", outcome(err), resp.Payload, resp.Error)

	resp, err = invoke(client, &InvokeRequest{Payload: []byte("fail"), RequestId: "r2", Deadline: deadline()})
	fmt.Printf("fail %s %s\n", outcome(err), describeError(resp.Error))

	resp, err = invoke(client, &InvokeRequest{})
	fmt.Printf("zero %s payload=%q %s\n", outcome(err), resp.Payload, describeError(resp.Error))

	for _, n := range []int{0, 1, 1024, 1 << 20, 6 << 20} {
		payload := pattern(n)
		resp, err = invoke(client, &InvokeRequest{Payload: payload, RequestId: "size", Deadline: deadline()})
		fmt.Printf("size %d %s equal=%v %s\n", n, outcome(err), bytes.Equal(resp.Payload, payload),
			describeError(resp.Error))
	}

	resp, err = invoke(client, &InvokeRequest{Payload: []byte("big"), RequestId: "big", Deadline: deadline()})
	fmt.Printf("big %s payload=%d %s\n", outcome(err), len(resp.Payload), describeError(resp.Error))

	// 20 calls in flight at once on the one connection; the bridge hands them to Java one at a time.
	calls := make([]*rpc.Call, 0, 20)
	for i := 0; i < 20; i++ {
		req := &InvokeRequest{Payload: []byte(fmt.Sprintf("p%d", i)), RequestId: fmt.Sprintf("r%d", i),
			Deadline: deadline()}
		calls = append(calls, client.Go("Function.Invoke", req, &InvokeResponse{}, nil))
	}
	matched := 0
	for i, call := range calls {
		<-call.Done
		if call.Error == nil && string(call.Reply.(*InvokeResponse).Payload) == fmt.Sprintf("p%d", i) {
			matched++
		}
	}
	fmt.Printf("pipelined %d of %d matched\n", matched, len(calls))

	// A second connection, as Lambda may open one.
	second, err := rpc.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	resp, err = invoke(second, &InvokeRequest{Payload: []byte("second"), RequestId: "r3", Deadline: deadline()})
	second.Close()
	fmt.Printf("second-connection %s payload=%s\n", outcome(err), resp.Payload)

	resp, err = invoke(client, &InvokeRequest{Payload: []byte("npe"), RequestId: "r4", Deadline: deadline()})
	fmt.Printf("npe %s payload=%s %s\n", outcome(err), resp.Payload, describeError(resp.Error))

	err = client.Call("Function.Nope", PingRequest{}, &PingResponse{})
	fmt.Printf("nope %s\n", outcome(err))

	err = client.Call("Function.Ping", PingRequest{}, &PingResponse{})
	fmt.Printf("ping-again %s\n", outcome(err))
}
