/* Signal dispatch for sun.misc.Signal / jdk.internal.misc.Signal in a native image (the image's cSunMiscSignal_*
 * C functions). The C handler only counts the signal and posts a semaphore, both async-signal-safe; the image's
 * dispatch thread waits on the semaphore and asks which signal is pending. The semaphore is real: the image's
 * shutdown posts it to wake the dispatch thread, and a stand-in that never blocks or never wakes makes it spin or
 * hang at exit. Written for coldbrew. */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>

#ifndef NSIG
#define NSIG 65
#endif

static volatile int pending[NSIG];
static sem_t semaphore;
static volatile int opened;

int cSunMiscSignal_open(void) {
    if (opened) {
        return 0;
    }
    for (int i = 0; i < NSIG; i++) {
        pending[i] = 0;
    }
    if (sem_init(&semaphore, 0, 0) != 0) {
        return -1;
    }
    opened = 1;
    return 0;
}

int cSunMiscSignal_close(void) {
    if (!opened) {
        return 0;
    }
    opened = 0;
    return sem_destroy(&semaphore);
}

int cSunMiscSignal_awaitSemaphore(void) {
    while (sem_wait(&semaphore) != 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return 0;
}

int cSunMiscSignal_signalSemaphore(void) {
    return sem_post(&semaphore);
}

int cSunMiscSignal_signalRangeCheck(int sig) {
    return sig > 0 && sig < NSIG;
}

/* A signal that arrived and was not yet dispatched (its count is taken down by one), or -1. */
int cSunMiscSignal_checkPendingSignal(void) {
    for (int sig = 1; sig < NSIG; sig++) {
        int count = pending[sig];
        while (count > 0) {
            if (__atomic_compare_exchange_n(&pending[sig], &count, count - 1, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST)) {
                return sig;
            }
        }
    }
    return -1;
}

static void count_signal(int sig, siginfo_t *info, void *context) {
    (void)info;
    (void)context;
    if (sig > 0 && sig < NSIG) {
        __atomic_add_fetch(&pending[sig], 1, __ATOMIC_SEQ_CST);
        sem_post(&semaphore);
    }
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) {
    return (void *)count_signal;
}
