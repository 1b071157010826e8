/* CPU features as the image builder's CPUFeatures C struct declares them: one char per feature, in the
 * builder's order (read from the builder's class files with javap; check it again when the builder version
 * changes). Written for coldbrew's native support library. */
#ifndef COLDBREW_AARCH64_CPUFEATURES_H
#define COLDBREW_AARCH64_CPUFEATURES_H

#define COLDBREW_AARCH64_CPU_FEATURES(X) \
    X(fFP) X(fASIMD) X(fEVTSTRM) X(fAES) X(fPMULL) X(fSHA1) X(fSHA2) X(fCRC32) X(fLSE) X(fDCPOP) X(fSHA3) X(fSHA512) \
    X(fSVE) X(fSVE2) X(fSTXR_PREFETCH) X(fA53MAC) X(fDMB_ATOMICS) X(fPACA) X(fSVEBITPERM) X(fFPHP) X(fASIMDHP)

#define COLDBREW_CPU_FEATURE_FIELD(name) char name;
typedef struct {
    COLDBREW_AARCH64_CPU_FEATURES(COLDBREW_CPU_FEATURE_FIELD)
} CPUFeatures;

#endif
