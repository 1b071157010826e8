//go:build coldbrew_bridge_test

package main

// Built only into the test variant of the library (-tags coldbrew_bridge_test): a Go panic on demand, so the
// tests can check that it ends the whole process.

// #include <jni.h>
import "C"

//export Java_dev_coldbrew_bridge_jnigo_GoPanicProbe_panicOnAGoroutine
func Java_dev_coldbrew_bridge_jnigo_GoPanicProbe_panicOnAGoroutine(env *C.JNIEnv, cls C.jclass) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		panic("coldbrew-jni-go test: a panic on a goroutine")
	}()
	<-done
}
