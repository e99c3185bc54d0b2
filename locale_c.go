//go:build cgo && (linux || freebsd || netbsd || openbsd)

package main

/*
#include <stdlib.h>
#include <string.h>

static char saved_name[16];
static char saved_value[64];

// Fyne's lang package reads the locale while the Go packages initialise,
// before main, and logs an error for "C.UTF-8" (its locale library treats
// only a bare "C" as C). This runs before the Go runtime copies the
// environment: it shortens such a value to "C", the same language, in place,
// and keeps the original so main can give it back to child processes.
__attribute__((constructor)) static void warmlead_bare_c_locale(void) {
	static const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (int i = 0; i < 3; i++) {
		char *v = getenv(names[i]);
		if (v == NULL || v[0] == 0) {
			continue;
		}
		size_t n = strlen(v);
		if (n < sizeof saved_value && ((v[0] == 'C' && v[1] == '.') || strncmp(v, "POSIX.", 6) == 0)) {
			strcpy(saved_name, names[i]);
			strcpy(saved_value, v);
			v[v[0] == 'C' ? 1 : 5] = 0;
		}
		return; // only the first one set decides
	}
}

static const char *warmlead_saved_name(void) { return saved_name; }
static const char *warmlead_saved_value(void) { return saved_value; }
*/
import "C"

import "os"

// restoreLocale gives the environment back its original "C.UTF-8" (see the
// constructor above), so programs Warmlead starts (a mail app, a PDF
// viewer) get the character set the desktop chose.
func restoreLocale() {
	if name := C.GoString(C.warmlead_saved_name()); name != "" {
		os.Setenv(name, C.GoString(C.warmlead_saved_value()))
	}
}
