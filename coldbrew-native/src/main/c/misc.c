/* Small C helpers a native image calls by name (thread ids and CPU time, a fatal-error printf, open/openat and
 * mremap wrappers with fixed argument lists) and the JNI_OnLoad_<lib> entry points of the JDK libraries the image
 * links: coldbrew links the JDK's shared libraries, so each one runs that library's own JNI_OnLoad (and answers
 * JNI 1.8, which the image requires of a built-in library).
 * Written for coldbrew. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <jni.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int getThreadId(void) {
    return (int)syscall(SYS_gettid);
}

/* User CPU time of a thread in nanoseconds, from /proc (field 14 of its stat line), or -1. */
long long getThreadUserTimeSlow(int tid) {
    char path[64];
    char line[2048];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
    FILE *file = fopen(path, "r");
    if (file == NULL) {
        return -1;
    }
    size_t length = fread(line, 1, sizeof line - 1, file);
    fclose(file);
    line[length] = '\0';
    char *s = strrchr(line, ')'); /* the command name may hold spaces and parentheses */
    unsigned long long utime = 0;
    if (s == NULL || sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu", &utime) != 1) {
        return -1;
    }
    return (long long)(utime * (1000000000ULL / (unsigned long long)sysconf(_SC_CLK_TCK)));
}

int fprintfSD(FILE *stream, const char *format, const char *string, int number) {
    return fprintf(stream, format, string, number);
}

int openSII(const char *path, int flags, int mode) {
    return open(path, flags, mode);
}

int openatISII(int dirfd, const char *path, int flags, int mode) {
    return openat(dirfd, path, flags, mode);
}

void *mremapP(void *address, size_t old_size, size_t new_size, int flags, void *new_address) {
    return mremap(address, old_size, new_size, flags, new_address);
}

static jint forward_on_load(const char *library, JavaVM *vm, void *reserved) {
    void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) {
        return JNI_VERSION_1_8;
    }
    jint (*on_load)(JavaVM *, void *) = (jint(*)(JavaVM *, void *))dlsym(handle, "JNI_OnLoad");
    jint version = on_load != NULL ? on_load(vm, reserved) : JNI_VERSION_1_8;
    dlclose(handle);
    /* A built-in library must answer JNI 1.8 or later; the shared ones answer the version they were written for. */
    return version < 0 ? version : JNI_VERSION_1_8;
}

JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *reserved) {
    return forward_on_load("libjava.so", vm, reserved);
}

JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *reserved) {
    return forward_on_load("libnio.so", vm, reserved);
}

JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *reserved) {
    return forward_on_load("libnet.so", vm, reserved);
}

JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *reserved) {
    return forward_on_load("libzip.so", vm, reserved);
}
