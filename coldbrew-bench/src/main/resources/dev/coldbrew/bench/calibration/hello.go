// A hello-world function for provided.al2023 written against the Runtime API with Go's standard library only:
// the shape of the public Go cold-start measurements coldbrew's calibration compares against.
package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
)

func main() {
	base := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/"
	for {
		next, err := http.Get(base + "next")
		if err != nil {
			fmt.Fprintln(os.Stderr, "GET next failed:", err)
			os.Exit(1)
		}
		io.Copy(io.Discard, next.Body)
		next.Body.Close()
		id := next.Header.Get("Lambda-Runtime-Aws-Request-Id")
		reply, err := http.Post(base+id+"/response", "application/json",
			bytes.NewReader([]byte(`{"statusCode":200,"body":"hello"}`)))
		if err != nil {
			fmt.Fprintln(os.Stderr, "POST response failed:", err)
			os.Exit(1)
		}
		io.Copy(io.Discard, reply.Body)
		reply.Body.Close()
	}
}
