/* CPU features as the image builder's CPUFeatures C struct declares them: one char per feature, in the
 * builder's order (read from the builder's class files with javap; check it again when the builder version
 * changes). Written for coldbrew's native support library. */
#ifndef COLDBREW_RISCV64_CPUFEATURES_H
#define COLDBREW_RISCV64_CPUFEATURES_H

#define COLDBREW_RISCV64_CPU_FEATURES(X) \
    X(fI) X(fM) X(fA) X(fF) X(fD) X(fC) X(fV)

#define COLDBREW_CPU_FEATURE_FIELD(name) char name;
typedef struct {
    COLDBREW_RISCV64_CPU_FEATURES(COLDBREW_CPU_FEATURE_FIELD)
} CPUFeatures;

#endif
