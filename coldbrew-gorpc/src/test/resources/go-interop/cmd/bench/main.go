// bench: Go's net/rpc client invoking a go1.x function on 127.0.0.1:$_LAMBDA_SERVER_PORT in a loop, to
// compare a Java function (coldbrew's GoRpcFunctionServer) with a Go one (cmd/server) from the same caller.
// Prints the mean time per warm Function.Invoke of each measured round, in microseconds.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net/rpc"
	"os"
	"time"

	"gorpcit/messages"
)

func main() {
	size := flag.Int("payload", 1024, "payload bytes")
	calls := flag.Int("calls", 2000, "invokes per round")
	rounds := flag.Int("rounds", 5, "measured rounds (after one warm-up round)")
	ready := flag.Bool("ready", false, "only measure the time from this program's start until the function "+
		"answers its first Ping and Invoke (start the function at the same moment), in milliseconds")
	flag.Parse()
	started := time.Now()
	addr := "127.0.0.1:" + os.Getenv("_LAMBDA_SERVER_PORT")
	var client *rpc.Client
	var err error
	for i := 0; i < 2000; i++ { // dial every 5 ms, then ping until it answers, as the go1.x mocks do
		if client, err = rpc.Dial("tcp", addr); err == nil {
			if err = client.Call("Function.Ping", messages.PingRequest{}, &messages.PingResponse{}); err == nil {
				break
			}
			client.Close()
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		log.Fatal(err)
	}
	payload := bytes.Repeat([]byte("x"), *size)
	req := &messages.InvokeRequest{Payload: payload, RequestId: "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
		Deadline:           messages.InvokeRequest_Timestamp{Seconds: 1542409706},
		InvokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:test"}
	if *ready {
		var resp messages.InvokeResponse
		if err := client.Call("Function.Invoke", req, &resp); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%.1f\n", float64(time.Since(started).Microseconds())/1000)
		return
	}
	for round := 0; round <= *rounds; round++ {
		start := time.Now()
		for i := 0; i < *calls; i++ {
			var resp messages.InvokeResponse
			if err := client.Call("Function.Invoke", req, &resp); err != nil {
				log.Fatal(err)
			}
			if !bytes.Equal(resp.Payload, payload) {
				log.Fatalf("echo of %d bytes came back as %d bytes", len(payload), len(resp.Payload))
			}
		}
		if round > 0 { // round 0 warms up both sides
			fmt.Printf("%.1f\n", float64(time.Since(start).Microseconds())/float64(*calls))
		}
	}
}
