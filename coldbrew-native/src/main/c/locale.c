/* The locale of a native image, from the environment as the JDK reads it: setlocale(LC_ALL, "") and then the
 * names of LC_MESSAGES (display) and LC_CTYPE (format), split into language, script, country and variant. A locale
 * the system does not have falls back to "C", which is en_US, exactly as on the JVM. Written for coldbrew. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "coldbrew_native.h"
#include "include/svm_locale.h"

static svm_locale_props_t props;

static char *copy(const char *s, size_t n) {
    char *r = malloc(n + 1);
    if (r != NULL) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

static const char *script_of(const char *modifier) {
    if (strcmp(modifier, "latin") == 0) {
        return "Latn";
    }
    if (strcmp(modifier, "cyrillic") == 0) {
        return "Cyrl";
    }
    if (strcmp(modifier, "devanagari") == 0) {
        return "Deva";
    }
    return NULL;
}

int coldbrew_parse_locale(const char *name, char **language, char **script, char **country, char **variant) {
    if (name == NULL || *name == '\0' || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        name = "en_US";
    } else if (strncmp(name, "C.", 2) == 0) {
        name = "en"; /* as the JDK has it: C.UTF-8 is English without a country */
    }
    size_t lang_end = strcspn(name, "_.@");
    const char *rest = name + lang_end;
    const char *country_start = *rest == '_' ? rest + 1 : rest;
    size_t country_len = *rest == '_' ? strcspn(country_start, ".@") : 0;
    const char *at = strchr(name, '@');
    const char *modifier = at != NULL ? at + 1 : "";
    const char *known_script = script_of(modifier);
    int euro = strcmp(modifier, "euro") == 0;
    *language = copy(name, lang_end);
    *country = copy(country_start, country_len);
    *script = copy(known_script != NULL ? known_script : "", known_script != NULL ? strlen(known_script) : 0);
    *variant = copy(known_script != NULL || euro ? "" : modifier, known_script != NULL || euro ? 0 : strlen(modifier));
    return *language && *country && *script && *variant ? 0 : -1;
}

int svm_initialize_locale(void) {
    setlocale(LC_ALL, "");
    const char *display = setlocale(LC_MESSAGES, NULL);
    int failed = coldbrew_parse_locale(display, &props.display_language, &props.display_script,
                                       &props.display_country, &props.display_variant);
    const char *format = setlocale(LC_CTYPE, NULL);
    failed |= coldbrew_parse_locale(format, &props.format_language, &props.format_script, &props.format_country,
                                    &props.format_variant);
    return failed ? SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY : SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) {
    return &props;
}
