package main

import (
	"errors"
	"fmt"
	"net"
	"net/rpc"
	"strconv"
	"strings"
	"sync"
)

// errorTypeResponseTooLarge is the function error type Lambda reports for a reply over its size limit.
const errorTypeResponseTooLarge = "Function.ResponseSizeTooLarge"

// call is one Function.Invoke waiting for Java: the RPC goroutine blocks on reply until Java answers it.
type call struct {
	id      uint64
	request *InvokeRequest
	reply   chan *InvokeResponse
}

// Bridge hands each Function.Invoke to the Java side, one at a time: Java takes it with next and answers it
// with answer. Any number of RPC connections and calls may wait; Java sees them in arrival order.
type Bridge struct {
	maxReplyBytes int
	calls         chan *call
	stopped       chan struct{}
	stopOnce      sync.Once
	listener      net.Listener

	mu      sync.Mutex
	lastID  uint64
	pending *call
	conns   map[net.Conn]struct{}
}

// Function is the net/rpc service Lambda's go1.x runtime calls: Function.Ping and Function.Invoke.
type Function struct {
	bridge *Bridge
}

// Ping answers at any time, also while an invoke is running.
func (f *Function) Ping(req *PingRequest, resp *PingResponse) error {
	*resp = PingResponse{}
	return nil
}

// Invoke waits for Java to take the request and answer it. Failures travel inside the reply, as aws-lambda-go
// reports them; the rpc-level error is used only when the bridge is stopping.
func (f *Function) Invoke(req *InvokeRequest, resp *InvokeResponse) error {
	c := &call{request: req, reply: make(chan *InvokeResponse, 1)}
	b := f.bridge
	select {
	case b.calls <- c:
	case <-b.stopped:
		return errors.New("coldbrew-jni-go: the bridge is stopping")
	}
	select {
	case r := <-c.reply:
		*resp = *r
		return nil
	case <-b.stopped:
		return errors.New("coldbrew-jni-go: the bridge stopped before the function answered")
	}
}

// listen binds 127.0.0.1:port and serves net/rpc on it in the background.
func listen(port int, maxReplyBytes int) (*Bridge, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return nil, fmt.Errorf("listen on 127.0.0.1:%d failed: %v", port, err)
	}
	b := &Bridge{
		maxReplyBytes: maxReplyBytes,
		calls:         make(chan *call),
		stopped:       make(chan struct{}),
		listener:      lis,
		conns:         map[net.Conn]struct{}{},
	}
	server := rpc.NewServer()
	if err := server.RegisterName("Function", &Function{bridge: b}); err != nil {
		lis.Close()
		return nil, fmt.Errorf("register the Function service failed: %v", err)
	}
	go b.accept(server)
	return b, nil
}

func (b *Bridge) accept(server *rpc.Server) {
	for {
		conn, err := b.listener.Accept()
		if err != nil {
			return
		}
		if !b.track(conn) {
			conn.Close()
			return
		}
		go func() {
			server.ServeConn(conn)
			b.untrack(conn)
		}()
	}
}

func (b *Bridge) track(conn net.Conn) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.stopped:
		return false
	default:
		b.conns[conn] = struct{}{}
		return true
	}
}

func (b *Bridge) untrack(conn net.Conn) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.conns, conn)
}

// port is the port actually bound.
func (b *Bridge) port() int {
	return b.listener.Addr().(*net.TCPAddr).Port
}

// next blocks until an invoke arrives and returns it with its id, or returns nil once the bridge is stopped.
// It is an error to take a second invoke before answering the first.
func (b *Bridge) next() (*call, error) {
	b.mu.Lock()
	if b.pending != nil {
		id := b.pending.id
		b.mu.Unlock()
		return nil, fmt.Errorf("readRequest called while invoke %d is still unanswered: answer it first", id)
	}
	b.mu.Unlock()
	select {
	case c := <-b.calls:
		b.mu.Lock()
		b.lastID++
		c.id = b.lastID
		b.pending = c
		b.mu.Unlock()
		return c, nil
	case <-b.stopped:
		return nil, nil
	}
}

// answer sends the reply of invoke id; each invoke is answered exactly once. A payload over the reply limit
// becomes an error reply instead.
func (b *Bridge) answer(id uint64, resp *InvokeResponse) error {
	b.mu.Lock()
	c := b.pending
	if c == nil || c.id != id {
		b.mu.Unlock()
		return fmt.Errorf("invoke %d is not waiting for an answer (%s)", id, b.describePending(c))
	}
	b.pending = nil
	b.mu.Unlock()
	if resp.Error == nil && len(resp.Payload) > b.maxReplyBytes {
		resp = &InvokeResponse{Error: &InvokeResponse_Error{
			Message: fmt.Sprintf("Response payload size (%d bytes) exceeded maximum allowed payload size (%d bytes).",
				len(resp.Payload), b.maxReplyBytes),
			Type: errorTypeResponseTooLarge,
		}}
	}
	c.reply <- resp
	return nil
}

func (b *Bridge) describePending(c *call) string {
	if c == nil {
		return "no invoke is pending: it was answered already or never read"
	}
	return fmt.Sprintf("the pending invoke is %d", c.id)
}

// stop closes the listener and every connection; next returns nil from then on.
func (b *Bridge) stop() {
	b.stopOnce.Do(func() {
		b.mu.Lock()
		close(b.stopped)
		conns := make([]net.Conn, 0, len(b.conns))
		for conn := range b.conns {
			conns = append(conns, conn)
		}
		b.mu.Unlock()
		b.listener.Close()
		for _, conn := range conns {
			conn.Close()
		}
	})
}

// frames turns Java stack trace lines, "label(path:line)" as StackTraceElement.toString writes them, into
// go1.x stack frames; any other line (such as "Caused by: type: message") becomes a frame with the line as label.
func frames(lines []string) []*InvokeResponse_Error_StackFrame {
	out := make([]*InvokeResponse_Error_StackFrame, 0, len(lines))
	for _, line := range lines {
		out = append(out, frame(line))
	}
	return out
}

func frame(line string) *InvokeResponse_Error_StackFrame {
	open := strings.LastIndexByte(line, '(')
	if open <= 0 || !strings.HasSuffix(line, ")") {
		return &InvokeResponse_Error_StackFrame{Label: line}
	}
	label, location := line[:open], line[open+1:len(line)-1]
	colon := strings.LastIndexByte(location, ':')
	if colon > 0 {
		if n, err := strconv.ParseInt(location[colon+1:], 10, 32); err == nil {
			return &InvokeResponse_Error_StackFrame{Path: location[:colon], Line: int32(n), Label: label}
		}
	}
	return &InvokeResponse_Error_StackFrame{Path: location, Label: label}
}

func main() {}
