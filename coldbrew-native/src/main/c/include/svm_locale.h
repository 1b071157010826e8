/* The locale as the image reads it at start-up (svm_initialize_locale, then svm_get_locale): language, script,
 * country and variant of the display and format categories, from the environment (LC_ALL, LC_MESSAGES, LC_CTYPE,
 * LANG). Written for coldbrew's native support library. */
#ifndef COLDBREW_SVM_LOCALE_H
#define COLDBREW_SVM_LOCALE_H

#define SVM_LOCALE_INITIALIZATION_SUCCEEDED 0
#define SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY 1

typedef struct {
    char *display_language;
    char *display_script;
    char *display_country;
    char *display_variant;
    char *format_language;
    char *format_script;
    char *format_country;
    char *format_variant;
} svm_locale_props_t;

int svm_initialize_locale(void);
svm_locale_props_t *svm_get_locale(void);

#endif
