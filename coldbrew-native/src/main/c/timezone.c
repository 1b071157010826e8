/* The default time zone of a native image, found as the JDK finds it on Linux: the TZ variable (a leading ':'
 * dropped, a path into a zoneinfo tree turned into its zone id), else Debian's /etc/timezone, else the zone
 * /etc/localtime links to. An /etc/localtime that is a copy rather than a link is not compared with the zoneinfo
 * files as the JDK does: the image then falls back to GMT. Written for coldbrew. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coldbrew_native.h"

static char *after_zoneinfo(const char *path) {
    const char *zoneinfo = strstr(path, "zoneinfo/");
    return zoneinfo != NULL ? strdup(zoneinfo + strlen("zoneinfo/")) : NULL;
}

static char *first_line(const char *file) {
    char line[256];
    FILE *f = fopen(file, "r");
    if (f == NULL) {
        return NULL;
    }
    char *read = fgets(line, sizeof line, f);
    fclose(f);
    if (read == NULL) {
        return NULL;
    }
    line[strcspn(line, " \t\r\n")] = '\0';
    return line[0] != '\0' ? strdup(line) : NULL;
}

char *coldbrew_time_zone_id(const char *tz, const char *timezone_file, const char *localtime) {
    if (tz != NULL && *tz != '\0') {
        if (*tz == ':') {
            tz++;
        }
        if (*tz == '/') {
            char *id = after_zoneinfo(tz);
            if (id != NULL) {
                return id;
            }
        }
        return strdup(tz);
    }
    char *id = timezone_file != NULL ? first_line(timezone_file) : NULL;
    if (id != NULL) {
        return id;
    }
    char target[PATH_MAX];
    ssize_t n = localtime != NULL ? readlink(localtime, target, sizeof target - 1) : -1;
    if (n <= 0) {
        return NULL;
    }
    target[n] = '\0';
    return after_zoneinfo(target);
}

/* The image's entry point; tzmappings is for Windows and unused here. The caller frees the result. */
char *SVM_FindJavaTZmd(const char *tzmappings, int length) {
    (void)tzmappings;
    (void)length;
    return coldbrew_time_zone_id(getenv("TZ"), "/etc/timezone", "/etc/localtime");
}
