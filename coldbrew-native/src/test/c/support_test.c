/* A driver for SupportFunctionsTest: runs one function of coldbrew's native support library on the arguments
 * given and prints what it returned, one key=value a line. Written for coldbrew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coldbrew_native.h"
#if defined(__x86_64__)
#include "include/amd64cpufeatures.h"
#else
#include "include/aarch64cpufeatures.h"
#endif

int checkCPUFeaturesOrExit(const char *mask, const char *message);
void determineCPUFeatures(CPUFeatures *features);

static int cpu(const char *which) {
    CPUFeatures mask;
    CPUFeatures present;
    char names[2048];
    determineCPUFeatures(&present);
    if (strcmp(which, "nothing") == 0) {
        memset(&mask, 1, sizeof mask);
    } else if (strcmp(which, "everything") == 0) {
        memset(&mask, 0, sizeof mask);
    } else { /* exactly what this CPU has */
        for (size_t i = 0; i < sizeof mask; i++) {
            ((char *)&mask)[i] = ((char *)&present)[i] ? 0 : 1;
        }
    }
    if (strcmp(which, "exit") == 0) {
        memset(&mask, 0, sizeof mask);
        checkCPUFeaturesOrExit((const char *)&mask, "The image needs a newer CPU.");
        printf("not exited\n");
        return 0;
    }
    size_t missing = coldbrew_missing_cpu_features((const char *)&mask, (const char *)&present, names, sizeof names);
    printf("missing=%zu\nnames=%s\n", missing, names);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "cpu") == 0) {
        return cpu(argv[2]);
    }
    if (argc >= 3 && strcmp(argv[1], "locale") == 0) {
        char *language, *script, *country, *variant;
        if (coldbrew_parse_locale(argv[2], &language, &script, &country, &variant) != 0) {
            return 1;
        }
        printf("language=%s\nscript=%s\ncountry=%s\nvariant=%s\n", language, script, country, variant);
        return 0;
    }
    if (argc >= 5 && strcmp(argv[1], "tz") == 0) {
        char *id = coldbrew_time_zone_id(argv[2], argv[3], argv[4]);
        printf("id=%s\n", id != NULL ? id : "(none)");
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "cgroup") == 0) {
        coldbrew_cgroup c;
        int found = coldbrew_read_cgroup(argv[2], &c);
        printf("found=%d\nversion=%d\nlimit=%lld\nswap_limit=%lld\nsoft_limit=%lld\nusage=%lld\nmax_usage=%lld\n"
               "rss=%lld\ncache=%lld\ncpu_limit=%d\n",
               found, c.version, c.limit, c.swap_limit, c.soft_limit, c.usage, c.max_usage, c.rss, c.cache,
               c.cpu_limit);
        return 0;
    }
    fprintf(stderr, "usage: support_test cpu nothing|everything|present|exit | locale NAME | tz TZ FILE LINK |"
                    " cgroup ROOT\n");
    return 64;
}
