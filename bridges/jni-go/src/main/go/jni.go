package main

// The JNI side of the bridge: the native methods of dev.coldbrew.bridge.jnigo.GoBridge. Payloads cross as byte
// arrays (one copy each way); strings cross as UTF-16, so every character survives.

/*
#include <jni.h>
#include <stdlib.h>

static const jchar emptyChars[1] = {0};
static jclass requestClass;
static jmethodID requestConstructor;

static jint initRefs(JNIEnv *env) {
	if (requestClass != NULL) {
		return 0;
	}
	jclass local = (*env)->FindClass(env, "dev/coldbrew/bridge/jnigo/BridgeRequest");
	if (local == NULL) {
		return -1;
	}
	requestConstructor = (*env)->GetMethodID(env, local, "<init>",
		"(J[BLjava/lang/String;Ljava/lang/String;JJLjava/lang/String;Ljava/lang/String;Ljava/lang/String;[B)V");
	if (requestConstructor == NULL) {
		return -1;
	}
	requestClass = (jclass) (*env)->NewGlobalRef(env, local);
	(*env)->DeleteLocalRef(env, local);
	return requestClass == NULL ? -1 : 0;
}

static jobject newRequest(JNIEnv *env, jlong id, jbyteArray payload, jstring requestId, jstring traceId,
		jlong seconds, jlong nanos, jstring arn, jstring cognitoId, jstring cognitoPoolId, jbyteArray clientContext) {
	return (*env)->NewObject(env, requestClass, requestConstructor, id, payload, requestId, traceId, seconds, nanos,
		arn, cognitoId, cognitoPoolId, clientContext);
}

static jbyteArray newBytes(JNIEnv *env, const void *data, jsize len) {
	jbyteArray array = (*env)->NewByteArray(env, len);
	if (array != NULL && len > 0) {
		(*env)->SetByteArrayRegion(env, array, 0, len, (const jbyte *) data);
	}
	return array;
}

static jstring newString(JNIEnv *env, const jchar *chars, jsize len) {
	return (*env)->NewString(env, len > 0 ? chars : emptyChars, len);
}

static jsize arrayLength(JNIEnv *env, jarray array) {
	return (*env)->GetArrayLength(env, array);
}

static void copyBytes(JNIEnv *env, jbyteArray array, jsize len, void *into) {
	(*env)->GetByteArrayRegion(env, array, 0, len, (jbyte *) into);
}

static jsize stringLength(JNIEnv *env, jstring s) {
	return (*env)->GetStringLength(env, s);
}

static void copyString(JNIEnv *env, jstring s, jsize len, jchar *into) {
	(*env)->GetStringRegion(env, s, 0, len, into);
}

static jobject arrayElement(JNIEnv *env, jobjectArray array, jsize i) {
	return (*env)->GetObjectArrayElement(env, array, i);
}

static void deleteLocal(JNIEnv *env, jobject ref) {
	(*env)->DeleteLocalRef(env, ref);
}

static jboolean pendingException(JNIEnv *env) {
	return (*env)->ExceptionCheck(env);
}

static void throwNew(JNIEnv *env, const char *className, const char *message) {
	jclass type = (*env)->FindClass(env, className);
	if (type != NULL) {
		(*env)->ThrowNew(env, type, message);
	}
}
*/
import "C"

import (
	"strconv"
	"sync"
	"unicode/utf16"
	"unsafe"
)

const illegalState = "java/lang/IllegalStateException"

var (
	activeMu sync.Mutex
	active   *Bridge
	stopped  bool // stop was called and start not again since
)

func current() (*Bridge, bool) {
	activeMu.Lock()
	defer activeMu.Unlock()
	return active, stopped
}

func throw(env *C.JNIEnv, className string, message string) {
	cls := C.CString(className)
	msg := C.CString(message)
	defer C.free(unsafe.Pointer(cls))
	defer C.free(unsafe.Pointer(msg))
	C.throwNew(env, cls, msg)
}

func javaBytes(env *C.JNIEnv, b []byte) C.jbyteArray {
	var data unsafe.Pointer
	if len(b) > 0 {
		data = unsafe.Pointer(&b[0])
	}
	return C.newBytes(env, data, C.jsize(len(b)))
}

func javaString(env *C.JNIEnv, s string) C.jstring {
	chars := utf16.Encode([]rune(s))
	var data *C.jchar
	if len(chars) > 0 {
		data = (*C.jchar)(unsafe.Pointer(&chars[0]))
	}
	return C.newString(env, data, C.jsize(len(chars)))
}

func goBytes(env *C.JNIEnv, array C.jbyteArray) []byte {
	if array == 0 {
		return nil
	}
	n := C.arrayLength(env, C.jarray(array))
	b := make([]byte, int(n))
	if n > 0 {
		C.copyBytes(env, array, n, unsafe.Pointer(&b[0]))
	}
	return b
}

func goString(env *C.JNIEnv, s C.jstring) string {
	if s == 0 {
		return ""
	}
	n := C.stringLength(env, s)
	if n == 0 {
		return ""
	}
	chars := make([]uint16, int(n))
	C.copyString(env, s, n, (*C.jchar)(unsafe.Pointer(&chars[0])))
	return string(utf16.Decode(chars))
}

func goStrings(env *C.JNIEnv, array C.jobjectArray) []string {
	if array == 0 {
		return nil
	}
	n := int(C.arrayLength(env, C.jarray(array)))
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		element := C.arrayElement(env, array, C.jsize(i))
		out = append(out, goString(env, C.jstring(element)))
		if element != 0 {
			C.deleteLocal(env, element)
		}
	}
	return out
}

//export Java_dev_coldbrew_bridge_jnigo_GoBridge_start
func Java_dev_coldbrew_bridge_jnigo_GoBridge_start(env *C.JNIEnv, cls C.jclass, port C.jint, maxReplyBytes C.jint) C.jstring {
	activeMu.Lock()
	defer activeMu.Unlock()
	if active != nil {
		return javaString(env, "the bridge already serves 127.0.0.1:"+itoa(active.port()))
	}
	if C.initRefs(env) != 0 {
		return 0 // the pending NoClassDefFoundError or NoSuchMethodError says what is missing
	}
	b, err := listen(int(port), int(maxReplyBytes))
	if err != nil {
		return javaString(env, err.Error())
	}
	active = b
	stopped = false
	return 0
}

//export Java_dev_coldbrew_bridge_jnigo_GoBridge_readRequest
func Java_dev_coldbrew_bridge_jnigo_GoBridge_readRequest(env *C.JNIEnv, cls C.jclass) C.jobject {
	b, wasStopped := current()
	if b == nil {
		if !wasStopped {
			throw(env, illegalState, "readRequest called before start")
		}
		return 0
	}
	c, err := b.next()
	if err != nil {
		throw(env, illegalState, err.Error())
		return 0
	}
	if c == nil {
		return 0
	}
	r := c.request
	request := newRequest(env, c.id, r)
	if request == 0 {
		// Out of memory while copying the event: answer it here, since Java never sees it; the pending
		// OutOfMemoryError ends the Java side's loop.
		b.answer(c.id, outOfMemory("the event of "+itoa(len(r.Payload))+" bytes does not fit in the Java heap"))
		return 0
	}
	return request
}

// newRequest builds the BridgeRequest for r, or returns 0 with an exception pending; no JNI function is called
// while one is.
func newRequest(env *C.JNIEnv, id uint64, r *InvokeRequest) C.jobject {
	payload := javaBytes(env, r.Payload)
	if payload == 0 || C.pendingException(env) != 0 {
		return 0
	}
	clientContext := javaBytes(env, r.ClientContext)
	if clientContext == 0 || C.pendingException(env) != 0 {
		return 0
	}
	fields := make([]C.jstring, 0, 5)
	for _, s := range []string{r.RequestId, r.XAmznTraceId, r.InvokedFunctionArn, r.CognitoIdentityId,
		r.CognitoIdentityPoolId} {
		if C.pendingException(env) != 0 {
			return 0
		}
		fields = append(fields, javaString(env, s))
	}
	if C.pendingException(env) != 0 {
		return 0
	}
	request := C.newRequest(env, C.jlong(id), payload, fields[0], fields[1], C.jlong(r.Deadline.Seconds),
		C.jlong(r.Deadline.Nanos), fields[2], fields[3], fields[4], clientContext)
	if C.pendingException(env) != 0 {
		return 0
	}
	return request
}

//export Java_dev_coldbrew_bridge_jnigo_GoBridge_writeResponse
func Java_dev_coldbrew_bridge_jnigo_GoBridge_writeResponse(env *C.JNIEnv, cls C.jclass, id C.jlong, payload C.jbyteArray) {
	answer(env, id, &InvokeResponse{Payload: goBytes(env, payload)})
}

//export Java_dev_coldbrew_bridge_jnigo_GoBridge_writeError
func Java_dev_coldbrew_bridge_jnigo_GoBridge_writeError(env *C.JNIEnv, cls C.jclass, id C.jlong, message C.jstring,
	errorType C.jstring, stackTrace C.jobjectArray, shouldExit C.jboolean) {
	answer(env, id, &InvokeResponse{Error: &InvokeResponse_Error{
		Message:    goString(env, message),
		Type:       goString(env, errorType),
		StackTrace: frames(goStrings(env, stackTrace)),
		ShouldExit: shouldExit != 0,
	}})
}

//export Java_dev_coldbrew_bridge_jnigo_GoBridge_stop
func Java_dev_coldbrew_bridge_jnigo_GoBridge_stop(env *C.JNIEnv, cls C.jclass) {
	activeMu.Lock()
	b := active
	active = nil
	stopped = true
	activeMu.Unlock()
	if b != nil {
		b.stop()
	}
}

func answer(env *C.JNIEnv, id C.jlong, resp *InvokeResponse) {
	b, _ := current()
	if b == nil {
		throw(env, illegalState, "invoke "+itoa(int(id))+" answered while the bridge is not serving")
		return
	}
	if err := b.answer(uint64(id), resp); err != nil {
		throw(env, illegalState, err.Error())
	}
}

func outOfMemory(message string) *InvokeResponse {
	return &InvokeResponse{Error: &InvokeResponse_Error{
		Message: message, Type: "java.lang.OutOfMemoryError", ShouldExit: true,
	}}
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
