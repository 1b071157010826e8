/* Container limits for a native image (the image's svm_container_* functions, and JVM_IsContainerized and the
 * processor count of coldbrew's libjvm.so): the memory limit, usage and CPU quota of the cgroup the process is in,
 * cgroup v1 (the memory and cpu controllers' own hierarchies) or v2 (the unified hierarchy), so that an image in
 * a memory-limited environment sizes its heap from the limit and not from the host's RAM. For v2 the lowest
 * memory.max on the path to the root counts, as a limit on any ancestor binds the process too. Written for
 * coldbrew. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coldbrew_native.h"

#define UNLIMITED (-1LL)
/* cgroup v1 writes "no limit" as a page-rounded LLONG_MAX; anything this large is no limit. */
#define V1_NO_LIMIT_ABOVE (1LL << 62)

static int read_text(const char *path, char *buf, size_t size) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return -1;
    }
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    return 0;
}

/* A number from a file: "max" is UNLIMITED, a missing file or garbage is -2. */
static long long read_number(const char *dir, const char *file) {
    char path[4096 + 64];
    char text[128];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (read_text(path, text, sizeof text) != 0) {
        return -2;
    }
    if (strncmp(text, "max", 3) == 0) {
        return UNLIMITED;
    }
    char *end;
    long long value = strtoll(text, &end, 10);
    return end == text ? -2 : value;
}

static long long stat_value(const char *dir, const char *key) {
    char path[4096 + 16];
    char line[256];
    size_t key_len = strlen(key);
    snprintf(path, sizeof path, "%s/memory.stat", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return -2;
    }
    long long value = -2;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, key, key_len) == 0 && line[key_len] == ' ') {
            value = strtoll(line + key_len + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return value;
}

/* The cgroup path of a controller in /proc/self/cgroup ("" for v2's "0::" line), or -1. */
static int cgroup_path(const char *proc_cgroup, const char *controller, char *path, size_t size) {
    char line[4096];
    FILE *f = fopen(proc_cgroup, "r");
    if (f == NULL) {
        return -1;
    }
    int found = -1;
    while (found != 0 && fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *controllers = strchr(line, ':');
        char *cgroup = controllers != NULL ? strchr(controllers + 1, ':') : NULL;
        if (cgroup == NULL) {
            continue;
        }
        *cgroup++ = '\0';
        *controllers++ = '\0'; /* line is now the hierarchy id */
        int match = 0;
        if (controller[0] == '\0') {
            match = strcmp(line, "0") == 0 && controllers[0] == '\0';
        } else {
            for (char *c = strtok(controllers, ","); c != NULL; c = strtok(NULL, ",")) {
                match |= strcmp(c, controller) == 0;
            }
        }
        if (match) {
            snprintf(path, size, "%s", cgroup);
            found = 0;
        }
    }
    fclose(f);
    return found;
}

/* The directory of a cgroup: the mount of that hierarchy (cgroup2, or cgroup with the controller among its super
 * options) joined with the cgroup path relative to the mount's root. */
static int cgroup_dir(const char *root, const char *mountinfo, const char *controller, const char *cgroup,
                      char *dir, size_t size) {
    char line[4096];
    char mountinfo_path[4096];
    snprintf(mountinfo_path, sizeof mountinfo_path, "%s%s", root, mountinfo);
    FILE *f = fopen(mountinfo_path, "r");
    if (f == NULL) {
        return -1;
    }
    int found = -1;
    while (found != 0 && fgets(line, sizeof line, f) != NULL) {
        char mount_root[4096];
        char mount_point[4096];
        char *separator = strstr(line, " - ");
        char fstype[64];
        char options[1024];
        if (separator == NULL || sscanf(line, "%*s %*s %*s %4095s %4095s", mount_root, mount_point) != 2
            || sscanf(separator + 3, "%63s %*s %1023s", fstype, options) != 2) {
            continue;
        }
        int match = 0;
        if (controller[0] == '\0') {
            match = strcmp(fstype, "cgroup2") == 0;
        } else if (strcmp(fstype, "cgroup") == 0) {
            for (char *o = strtok(options, ","); o != NULL; o = strtok(NULL, ",")) {
                match |= strcmp(o, controller) == 0;
            }
        }
        if (!match) {
            continue;
        }
        size_t root_len = strcmp(mount_root, "/") == 0 ? 0 : strlen(mount_root);
        const char *relative = strncmp(cgroup, mount_root, root_len) == 0 ? cgroup + root_len : cgroup;
        snprintf(dir, size, "%s%s%s", root, mount_point, relative);
        found = 0;
    }
    fclose(f);
    return found;
}

static long long lower(long long a, long long b) {
    if (a < 0) {
        return b;
    }
    return b < 0 || a < b ? a : b;
}

static int read_v2(const char *root, const char *proc_cgroup, coldbrew_cgroup *out) {
    char cgroup[4096];
    char dir[4096];
    if (cgroup_path(proc_cgroup, "", cgroup, sizeof cgroup) != 0
        || cgroup_dir(root, "/proc/self/mountinfo", "", cgroup, dir, sizeof dir) != 0) {
        return -1;
    }
    long long own = read_number(dir, "memory.max");
    if (own == -2 && read_number(dir, "memory.current") == -2) {
        return -1; /* the memory controller is not enabled for this cgroup */
    }
    out->version = 2;
    out->limit = UNLIMITED;
    char walk[4096];
    snprintf(walk, sizeof walk, "%s", dir);
    size_t floor = strlen(dir) - strlen(cgroup);
    while (strlen(walk) >= floor) {
        long long max = read_number(walk, "memory.max");
        if (max >= 0) {
            out->limit = lower(out->limit, max);
        }
        char *slash = strrchr(walk, '/');
        if (slash == NULL || (size_t)(slash - walk) < floor) {
            break;
        }
        *slash = '\0';
    }
    long long swap = read_number(dir, "memory.swap.max");
    out->swap_limit = out->limit < 0 || swap < 0 ? UNLIMITED : out->limit + swap;
    long long low = read_number(dir, "memory.low");
    out->soft_limit = low > 0 ? low : UNLIMITED;
    out->usage = read_number(dir, "memory.current");
    out->max_usage = read_number(dir, "memory.peak");
    out->rss = stat_value(dir, "anon");
    out->cache = stat_value(dir, "file");
    char cpu_max[4096 + 16];
    char text[128];
    snprintf(cpu_max, sizeof cpu_max, "%s/cpu.max", dir);
    long long quota;
    long long period;
    out->cpu_limit = -1;
    if (read_text(cpu_max, text, sizeof text) == 0 && sscanf(text, "%lld %lld", &quota, &period) == 2
        && quota > 0 && period > 0) {
        out->cpu_limit = (int)((quota + period - 1) / period);
    }
    return 0;
}

static long long v1_limit(long long value) {
    return value < 0 || value >= V1_NO_LIMIT_ABOVE ? UNLIMITED : value;
}

static int read_v1(const char *root, const char *proc_cgroup, coldbrew_cgroup *out) {
    char cgroup[4096];
    char dir[4096];
    if (cgroup_path(proc_cgroup, "memory", cgroup, sizeof cgroup) != 0
        || cgroup_dir(root, "/proc/self/mountinfo", "memory", cgroup, dir, sizeof dir) != 0
        || read_number(dir, "memory.limit_in_bytes") == -2) {
        return -1;
    }
    out->version = 1;
    out->limit = v1_limit(read_number(dir, "memory.limit_in_bytes"));
    out->swap_limit = v1_limit(read_number(dir, "memory.memsw.limit_in_bytes"));
    out->soft_limit = v1_limit(read_number(dir, "memory.soft_limit_in_bytes"));
    out->usage = read_number(dir, "memory.usage_in_bytes");
    out->max_usage = read_number(dir, "memory.max_usage_in_bytes");
    out->rss = stat_value(dir, "rss");
    out->cache = stat_value(dir, "cache");
    out->cpu_limit = -1;
    char cpu_cgroup[4096];
    char cpu_dir[4096];
    if (cgroup_path(proc_cgroup, "cpu", cpu_cgroup, sizeof cpu_cgroup) == 0
        && cgroup_dir(root, "/proc/self/mountinfo", "cpu", cpu_cgroup, cpu_dir, sizeof cpu_dir) == 0) {
        long long quota = read_number(cpu_dir, "cpu.cfs_quota_us");
        long long period = read_number(cpu_dir, "cpu.cfs_period_us");
        if (quota > 0 && period > 0) {
            out->cpu_limit = (int)((quota + period - 1) / period);
        }
    }
    return 0;
}

int coldbrew_read_cgroup(const char *root, coldbrew_cgroup *out) {
    char proc_cgroup[4096];
    snprintf(proc_cgroup, sizeof proc_cgroup, "%s/proc/self/cgroup", root);
    memset(out, 0, sizeof *out);
    if (read_v2(root, proc_cgroup, out) == 0 || read_v1(root, proc_cgroup, out) == 0) {
        return 0;
    }
    out->version = 0;
    out->limit = out->swap_limit = out->soft_limit = UNLIMITED;
    out->usage = out->max_usage = out->rss = out->cache = -2;
    out->cpu_limit = -1;
    return -1;
}

static coldbrew_cgroup current(void) {
    coldbrew_cgroup cgroup;
    coldbrew_read_cgroup("", &cgroup);
    return cgroup;
}

/* The image checks the version it was written against; this library answers for the 25.0 builders. Returns 1
 * when a cgroup memory controller governs this process (its limits are then used), 0 when not. */
int svm_container_initialize(int version) {
    (void)version;
    return current().version != 0 ? 1 : 0;
}

unsigned long long svm_container_physical_memory(void) {
    unsigned long long host = (unsigned long long)sysconf(_SC_PHYS_PAGES) * (unsigned long long)sysconf(_SC_PAGESIZE);
    long long limit = current().limit;
    return limit > 0 && (unsigned long long)limit < host ? (unsigned long long)limit : host;
}

long long svm_container_memory_limit_in_bytes(void) {
    return current().limit;
}

long long svm_container_memory_and_swap_limit_in_bytes(void) {
    return current().swap_limit;
}

long long svm_container_memory_soft_limit_in_bytes(void) {
    return current().soft_limit;
}

long long svm_container_memory_usage_in_bytes(void) {
    return current().usage;
}

long long svm_container_memory_max_usage_in_bytes(void) {
    return current().max_usage;
}

long long svm_container_rss_usage_in_bytes(void) {
    return current().rss;
}

long long svm_container_cache_usage_in_bytes(void) {
    return current().cache;
}

/* The processors this process may run on (its affinity mask), fewer when a CPU quota allows fewer. */
int svm_container_active_processor_count(void) {
    cpu_set_t set;
    int count = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : (int)sysconf(_SC_NPROCESSORS_ONLN);
    int quota = current().cpu_limit;
    if (quota > 0 && quota < count) {
        count = quota;
    }
    return count > 0 ? count : 1;
}
