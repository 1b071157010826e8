/* coldbrew's native support library: the functions its tests call besides the entry points a native image uses.
 * Written for coldbrew. */
#ifndef COLDBREW_NATIVE_H
#define COLDBREW_NATIVE_H

#include <stddef.h>

/* How many features the image requires (a zero byte in the builder's `mask`) that `present` lacks, both laid out
 * as CPUFeatures; their names, comma-separated, go into `names` (may be NULL when size is 0). */
size_t coldbrew_missing_cpu_features(const char *mask, const char *present, char *names, size_t size);

/* The parts of a POSIX locale name (language_COUNTRY.codeset@modifier) as Java's Locale wants them; "C" and
 * "POSIX" are en_US and C.<codeset> is en, as the JDK has them. Each part is a malloc'd string, "" when absent. 0 on success. */
int coldbrew_parse_locale(const char *name, char **language, char **script, char **country, char **variant);

/* The time zone id: from `tz` (the TZ variable; NULL or "" when unset), else the first line of `timezone_file`
 * (Debian's /etc/timezone), else the target of the `localtime` link after ".../zoneinfo/". malloc'd, or NULL. */
char *coldbrew_time_zone_id(const char *tz, const char *timezone_file, const char *localtime);

/* Memory limits of the cgroup a process is in, read from `proc_cgroup` (/proc/self/cgroup) and `mountinfo`
 * (/proc/self/mountinfo), with paths under `root` ("" for the real file system). Bytes, or -1 when unlimited. */
typedef struct {
    int version;          /* 1, 2, or 0 when no memory controller was found */
    long long limit;      /* memory.max / memory.limit_in_bytes, the lowest on the path to the root for v2 */
    long long swap_limit; /* memory and swap together (v1 memsw, v2 max + swap.max) */
    long long soft_limit; /* memory.low / memory.soft_limit_in_bytes */
    long long usage;
    long long max_usage;
    long long rss;
    long long cache;
    int cpu_limit; /* processors the CPU quota allows (quota / period, rounded up), or -1 */
} coldbrew_cgroup;

int coldbrew_read_cgroup(const char *root, coldbrew_cgroup *out);

#endif
