/* coldbrew's libjvm.so for native images linked against the JDK's shared libraries.
 *
 * libjava.so, libnio.so, libnet.so and libzip.so need a libjvm.so (NEEDED, symbols versioned SUNWprivate_1.1,
 * bound at load time). HotSpot's own libjvm.so would satisfy the loader but must never be entered: nothing has
 * started it, and the first call into it (System.exit's JVM_Halt, for one) crashes. This library takes its place:
 * it has the soname libjvm.so, the executable needs it before the JDK libraries, so their dependency on libjvm.so
 * is this library and HotSpot is never even mapped. It defines every JVM_* and jio_* function those four libraries
 * import (SupportLibraryTest checks the list against the JDK):
 *
 * - implemented, because an image reaches them (ProcessBehaviourNativeIT follows the call graph from each test
 *   image's imports through the JDK libraries' code, and runs them): JVM_Halt (System.exit), JVM_FindLibraryEntry
 *   (JNI_OnLoad of libnet/libnio), JVM_ActiveProcessorCount (the image itself; container-aware), jio_snprintf
 *   (NetworkInterface), and the image's own `initialize`;
 * - implemented, because they are cheap and plausible from other JDK code paths: JVM_BeforeHalt,
 *   JVM_CurrentTimeMillis, JVM_NanoTime, JVM_GetNanoTimeAdjustment, JVM_RawMonitor{Create,Destroy,Enter,Exit},
 *   JVM_NativePath, JVM_LoadLibrary, JVM_UnloadLibrary, JVM_IsUseContainerSupport, JVM_IsContainerized,
 *   JVM_IsSupportedJNIVersion, JVM_Yield, JVM_GetTemporaryDirectory, jio_fprintf, jio_vfprintf, jio_vsnprintf;
 * - every other one (class loading, reflection, threads, stack walking, CDS, ... which a native image implements
 *   in Java and never asks the JDK libraries for) stops the process with a message naming the function, instead
 *   of jumping into an unstarted HotSpot.
 *
 * Written for coldbrew. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "coldbrew_native.h"

int svm_container_active_processor_count(void);

/* The image calls this once at start-up; there is nothing to set up. */
void initialize(void) {}

jint JVM_ActiveProcessorCount(void) {
    return svm_container_active_processor_count();
}

void JVM_BeforeHalt(void) {}

void JVM_Halt(jint code) {
    exit(code);
}

jlong JVM_CurrentTimeMillis(JNIEnv *env, jclass ignored) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (jlong)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

jlong JVM_NanoTime(JNIEnv *env, jclass ignored) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (jlong)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* Nanoseconds since offset_secs (epoch seconds) of the current time, or -1 when that does not fit the range
 * jdk.internal.misc.VM.getNanoTimeAdjustment promises (2^32 seconds either way). */
jlong JVM_GetNanoTimeAdjustment(JNIEnv *env, jclass ignored, jlong offset_secs) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    jlong diff = (jlong)now.tv_sec - offset_secs;
    if (diff >= 0x100000000LL || diff <= -0x100000000LL) {
        return -1;
    }
    return diff * 1000000000 + now.tv_nsec;
}

void *JVM_RawMonitorCreate(void) {
    pthread_mutexattr_t attributes;
    pthread_mutex_t *mutex = malloc(sizeof *mutex);
    if (mutex == NULL) {
        return NULL;
    }
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(mutex, &attributes);
    pthread_mutexattr_destroy(&attributes);
    return mutex;
}

void JVM_RawMonitorDestroy(void *monitor) {
    pthread_mutex_destroy(monitor);
    free(monitor);
}

jint JVM_RawMonitorEnter(void *monitor) {
    return pthread_mutex_lock(monitor) == 0 ? 0 : -1;
}

void JVM_RawMonitorExit(void *monitor) {
    pthread_mutex_unlock(monitor);
}

char *JVM_NativePath(char *path) {
    return path;
}

void *JVM_FindLibraryEntry(void *handle, const char *name) {
    return dlsym(handle != NULL ? handle : RTLD_DEFAULT, name);
}

void *JVM_LoadLibrary(const char *name, jboolean throw_exception) {
    return dlopen(name, RTLD_LAZY);
}

void JVM_UnloadLibrary(void *handle) {
    dlclose(handle);
}

jboolean JVM_IsUseContainerSupport(void) {
    return JNI_TRUE;
}

jboolean JVM_IsContainerized(void) {
    coldbrew_cgroup cgroup;
    return coldbrew_read_cgroup("", &cgroup) == 0 ? JNI_TRUE : JNI_FALSE;
}

jboolean JVM_IsSupportedJNIVersion(jint version) {
    return version >= JNI_VERSION_1_1 && version <= JNI_VERSION_24;
}

void JVM_Yield(JNIEnv *env, jclass ignored) {
    sched_yield();
}

jstring JVM_GetTemporaryDirectory(JNIEnv *env) {
    return (*env)->NewStringUTF(env, "/tmp/");
}

int jio_vsnprintf(char *buffer, size_t size, const char *format, va_list args) {
    int n = vsnprintf(buffer, size, format, args);
    return n >= 0 && (size_t)n < size ? n : -1; /* HotSpot's contract: -1 when truncated */
}

int jio_snprintf(char *buffer, size_t size, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = jio_vsnprintf(buffer, size, format, args);
    va_end(args);
    return n;
}

int jio_vfprintf(FILE *stream, const char *format, va_list args) {
    return vfprintf(stream, format, args);
}

int jio_fprintf(FILE *stream, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vfprintf(stream, format, args);
    va_end(args);
    return n;
}

static void unavailable(const char *name) {
    fprintf(stderr,
            "coldbrew native image: the JDK's native code called %s, which this executable does not provide (its"
            " libjvm.so is coldbrew's stand-in, HotSpot is not part of a native image); stopping.\n",
            name);
    abort();
}

#define UNAVAILABLE(name) \
    void name(void) { unavailable(#name); }
#include "jvm_unavailable.def"
