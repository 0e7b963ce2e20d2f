// Defaults for the sanitizer builds (cmake -DSKJERM_SANITIZE=ON or -DSKJERM_TSAN=ON): the
// leaks LeakSanitizer must not report because they are not skjerm's, and the races
// ThreadSanitizer must not report because they are inside uninstrumented libraries. Compiled into every binary of that build,
// so the suppressions hold however a test or user starts it.
#ifdef SKJERM_SANITIZE

extern "C" const char* __lsan_default_suppressions() {
  // fontconfig keeps its configuration for the life of the process; Poppler initialises it
  // when it renders a page.
  return "leak:libfontconfig.so\n";
}

extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }

#endif  // SKJERM_SANITIZE
