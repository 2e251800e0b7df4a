// The shim is header-only (static inline functions); SwiftPM needs one C file for the target.
#include "CNcursesw.h"
