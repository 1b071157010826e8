/* CPU features of the machine an image runs on, and the check an image makes before it runs any of its code: an
 * image compiled for a -march level (or with extra -H:CPUFeatures) uses instructions that older CPUs lack, and
 * must refuse to start on such a CPU with a message instead of dying of SIGILL later. The builder writes a mask
 * into the image, laid out as a CPUFeatures struct (one char per feature), in which a zero byte marks a feature
 * the image requires; the check compares it with what this CPU reports. Features this file does not detect count as missing, so an image that requires
 * one of them fails the check with its name rather than risk an illegal instruction. Written for coldbrew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coldbrew_native.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include "include/amd64cpufeatures.h"

static unsigned long long xgetbv0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

void determineCPUFeatures(CPUFeatures *f) {
    unsigned int a, b, c, d;
    memset(f, 0, sizeof *f);
    unsigned int max_leaf = __get_cpuid_max(0, NULL);
    if (max_leaf < 1 || !__get_cpuid(1, &a, &b, &c, &d)) {
        return;
    }
    f->fCX8 = (d >> 8) & 1;
    f->fCMOV = (d >> 15) & 1;
    f->fFLUSH = (d >> 19) & 1;
    f->fMMX = (d >> 23) & 1;
    f->fFXSR = (d >> 24) & 1;
    f->fSSE = (d >> 25) & 1;
    f->fSSE2 = (d >> 26) & 1;
    f->fHT = (d >> 28) & 1;
    f->fTSC = (d >> 4) & 1;
    f->fSSE3 = c & 1;
    f->fCLMUL = (c >> 1) & 1;
    f->fSSSE3 = (c >> 9) & 1;
    f->fFMA = (c >> 12) & 1;
    f->fSSE4_1 = (c >> 19) & 1;
    f->fSSE4_2 = (c >> 20) & 1;
    f->fPOPCNT = (c >> 23) & 1;
    f->fAES = (c >> 25) & 1;
    f->fF16C = (c >> 29) & 1;
    f->fHV = (c >> 31) & 1;
    int os_avx = ((c >> 27) & 1) && (xgetbv0() & 0x6) == 0x6;                    /* OSXSAVE, XMM and YMM state */
    int os_avx512 = os_avx && (xgetbv0() & 0xe0) == 0xe0;                        /* opmask, ZMM state */
    f->fAVX = os_avx && ((c >> 28) & 1);
    f->fVZEROUPPER = f->fAVX;
    if (!os_avx) {
        f->fFMA = 0;
        f->fF16C = 0;
    }
    if (max_leaf >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        f->fBMI1 = (b >> 3) & 1;
        f->fAVX2 = os_avx && ((b >> 5) & 1);
        f->fBMI2 = (b >> 8) & 1;
        f->fERMS = (b >> 9) & 1;
        f->fRTM = (b >> 11) & 1;
        f->fAVX512F = os_avx512 && ((b >> 16) & 1);
        f->fAVX512DQ = os_avx512 && ((b >> 17) & 1);
        f->fADX = (b >> 19) & 1;
        f->fAVX512_IFMA = os_avx512 && ((b >> 21) & 1);
        f->fFLUSHOPT = (b >> 23) & 1;
        f->fCLWB = (b >> 24) & 1;
        f->fAVX512PF = os_avx512 && ((b >> 26) & 1);
        f->fAVX512ER = os_avx512 && ((b >> 27) & 1);
        f->fAVX512CD = os_avx512 && ((b >> 28) & 1);
        f->fSHA = (b >> 29) & 1;
        f->fAVX512BW = os_avx512 && ((b >> 30) & 1);
        f->fAVX512VL = os_avx512 && ((b >> 31) & 1);
        f->fAVX512_VBMI = os_avx512 && ((c >> 1) & 1);
        f->fPKU = (c >> 3) & 1;
        f->fOSPKE = (c >> 4) & 1;
        f->fAVX512_VBMI2 = os_avx512 && ((c >> 6) & 1);
        f->fCET_SS = (c >> 7) & 1;
        f->fGFNI = (c >> 8) & 1;
        f->fAVX512_VAES = os_avx512 && ((c >> 9) & 1);
        f->fAVX512_VPCLMULQDQ = os_avx512 && ((c >> 10) & 1);
        f->fAVX512_VNNI = os_avx512 && ((c >> 11) & 1);
        f->fAVX512_BITALG = os_avx512 && ((c >> 12) & 1);
        f->fAVX512_VPOPCNTDQ = os_avx512 && ((c >> 14) & 1);
        f->fRDPID = (c >> 22) & 1;
        f->fFSRM = (d >> 4) & 1;
        f->fSERIALIZE = (d >> 14) & 1;
        f->fCET_IBT = (d >> 20) & 1;
        f->fAVX512_FP16 = os_avx512 && ((d >> 23) & 1);
    }
    unsigned int max_ext = __get_cpuid_max(0x80000000, NULL);
    if (max_ext >= 0x80000001) {
        __cpuid(0x80000001, a, b, c, d);
        f->fLZCNT = (c >> 5) & 1;
        f->fSSE4A = (c >> 6) & 1;
        f->fAMD_3DNOW_PREFETCH = (c >> 8) & 1;
        f->fRDTSCP = (d >> 27) & 1;
    }
    if (max_ext >= 0x80000007) {
        __cpuid(0x80000007, a, b, c, d);
        f->fTSCINV_BIT = (d >> 8) & 1;
        f->fTSCINV = f->fTSCINV_BIT;
    }
}

#define FEATURE_NAME(name) #name,
static const char *const feature_names[] = {COLDBREW_AMD64_CPU_FEATURES(FEATURE_NAME)};

#elif defined(__aarch64__)
#include <sys/auxv.h>
#include "include/aarch64cpufeatures.h"

void determineCPUFeatures(CPUFeatures *f) {
    unsigned long hwcap = getauxval(AT_HWCAP);
    memset(f, 0, sizeof *f);
    f->fFP = (hwcap >> 0) & 1;
    f->fASIMD = (hwcap >> 1) & 1;
    f->fEVTSTRM = (hwcap >> 2) & 1;
    f->fAES = (hwcap >> 3) & 1;
    f->fPMULL = (hwcap >> 4) & 1;
    f->fSHA1 = (hwcap >> 5) & 1;
    f->fSHA2 = (hwcap >> 6) & 1;
    f->fCRC32 = (hwcap >> 7) & 1;
    f->fLSE = (hwcap >> 8) & 1;
    f->fFPHP = (hwcap >> 9) & 1;
    f->fASIMDHP = (hwcap >> 10) & 1;
    f->fDCPOP = (hwcap >> 16) & 1;
    f->fSHA3 = (hwcap >> 17) & 1;
    f->fSHA512 = (hwcap >> 21) & 1;
    f->fSVE = (hwcap >> 22) & 1;
    f->fPACA = (hwcap >> 30) & 1;
}

#define FEATURE_NAME(name) #name,
static const char *const feature_names[] = {COLDBREW_AARCH64_CPU_FEATURES(FEATURE_NAME)};

#else
#error "coldbrew's native support library knows the CPU features of x86_64 and aarch64 only"
#endif

#define FEATURE_COUNT (sizeof feature_names / sizeof feature_names[0])

_Static_assert(sizeof(CPUFeatures) == FEATURE_COUNT, "one name per CPUFeatures field");

size_t coldbrew_missing_cpu_features(const char *mask, const char *present, char *names, size_t size) {
    size_t missing = 0;
    size_t used = 0;
    if (size > 0) {
        names[0] = '\0';
    }
    for (size_t i = 0; i < FEATURE_COUNT; i++) {
        if (mask[i] == 0 && !present[i]) {
            missing++;
            const char *name = feature_names[i] + 1; /* the field name without its leading 'f' */
            int n = snprintf(names + used, size > used ? size - used : 0, "%s%s", missing > 1 ? ", " : "", name);
            if (n > 0) {
                used += (size_t)n;
            }
        }
    }
    return missing;
}

int checkCPUFeatures(const char *mask) {
    CPUFeatures present;
    determineCPUFeatures(&present);
    return coldbrew_missing_cpu_features(mask, (const char *)&present, NULL, 0) == 0 ? 0 : 1;
}

int checkCPUFeaturesOrExit(const char *mask, const char *message) {
    CPUFeatures present;
    char names[1024];
    determineCPUFeatures(&present);
    if (coldbrew_missing_cpu_features(mask, (const char *)&present, names, sizeof names) == 0) {
        return 0;
    }
    fprintf(stderr, "%s\nThis CPU lacks: %s. Rebuild the image for an older CPU (-march=compatibility).\n",
            message != NULL ? message : "This executable was built for a newer CPU than this one.", names);
    exit(1);
}
